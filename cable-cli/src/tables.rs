//! `cable export --format parquet|jsonl`: the Arrow tables of the core (cables, paragraphs,
//! citations) built per batch of the walk and encoded as Parquet row groups or JSON Lines.

use crate::pipeline::{self, Progress};
use crate::{Format, parsed};
use cable_core::ParseOptions;
use cable_core::table::{Table, TableBuilder};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

/// Bytes of a Parquet row group held in memory before it is written out, so that memory stays
/// flat whatever the input's size: by the row count alone (a million rows) a row group of the
/// paragraphs table would hold about 450 MB. Peak RSS of `--paragraphs` over
/// `cables-real-dev.csv` × 4 (214 MB): 151 MB without the bound, 57 MB with it (51 MB for × 1).
const ROW_GROUP_BYTES: usize = 16 << 20;

/// The encoder of `cable export`'s tables: Parquet row groups or JSON Lines.
enum TableWriter {
    Parquet(parquet::arrow::ArrowWriter<Box<dyn Write + Send>>),
    Jsonl(arrow_json::LineDelimitedWriter<Box<dyn Write + Send>>),
}

impl TableWriter {
    fn new(format: Format, table: Table, out: Box<dyn Write + Send>) -> Result<Self, String> {
        match format {
            // Absent values are `null`, as in the JSON contract (the writer leaves them out by
            // default).
            Format::Jsonl => Ok(TableWriter::Jsonl(
                arrow_json::WriterBuilder::new()
                    .with_explicit_nulls(true)
                    .build::<_, arrow_json::writer::LineDelimited>(out),
            )),
            _ => {
                let props = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .build();
                parquet::arrow::ArrowWriter::try_new(out, table.schema(), Some(props))
                    .map(TableWriter::Parquet)
                    .map_err(|e| format!("writing the output: {e}"))
            }
        }
    }

    fn write(&mut self, batch: &arrow_array::RecordBatch) -> Result<(), String> {
        let failed = |e: &dyn std::fmt::Display| format!("writing the output: {e}");
        match self {
            TableWriter::Parquet(w) => {
                w.write(batch).map_err(|e| failed(&e))?;
                if w.in_progress_size() >= ROW_GROUP_BYTES {
                    w.flush().map_err(|e| failed(&e))?;
                }
                Ok(())
            }
            TableWriter::Jsonl(w) => w.write(&utc_as_offset(batch)).map_err(|e| failed(&e)),
        }
    }

    fn close(self) -> Result<(), String> {
        let failed = |e: &dyn std::fmt::Display| format!("writing the output: {e}");
        match self {
            TableWriter::Parquet(w) => w.close().map(drop).map_err(|e| failed(&e)),
            TableWriter::Jsonl(mut w) => {
                w.finish().map_err(|e| failed(&e))?;
                w.into_inner().flush().map_err(|e| failed(&e))
            }
        }
    }
}

/// The batch with its `UTC` timestamps relabelled `+00:00`, the same instants: the JSON writer
/// formats offset time zones only (named ones need the time zone database, a large crate).
fn utc_as_offset(batch: &arrow_array::RecordBatch) -> arrow_array::RecordBatch {
    use arrow_array::{Array, ArrayRef, TimestampMicrosecondArray};
    use arrow_schema::{DataType, Field, Schema, TimeUnit};
    let utc = DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()));
    if !batch.schema().fields().iter().any(|f| f.data_type() == &utc) {
        return batch.clone();
    }
    let (fields, columns): (Vec<Field>, Vec<ArrayRef>) = batch
        .schema()
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| match c.as_any().downcast_ref::<TimestampMicrosecondArray>() {
            Some(t) if f.data_type() == &utc => {
                let t = t.clone().with_timezone("+00:00");
                (f.as_ref().clone().with_data_type(t.data_type().clone()), std::sync::Arc::new(t) as ArrayRef)
            }
            _ => (f.as_ref().clone(), c.clone()),
        })
        .unzip();
    arrow_array::RecordBatch::try_new(std::sync::Arc::new(Schema::new(fields)), columns)
        .expect("the same columns, relabelled")
}

/// `cable export --format parquet|jsonl`: the core's Arrow table, one batch per stretch of
/// documents parsed together (the citations table: one at the end, when whether a cited cable
/// is in the corpus is known). The encoding runs on a thread of its own, beside the parsers.
pub(crate) fn export_table(
    inputs: &[PathBuf],
    table: Table,
    format: Format,
    options: &ParseOptions,
    progress: Progress,
    out: Box<dyn Write + Send>,
) -> Vec<String> {
    let mut writer = match TableWriter::new(format, table, out) {
        Ok(w) => w,
        Err(e) => return vec![e],
    };
    // A few batches in flight between the parsers and the encoder; a failed write closes the
    // channel and the walk stops.
    let (tx, rx) = std::sync::mpsc::sync_channel::<arrow_array::RecordBatch>(4);
    let encoder = std::thread::spawn(move || -> Result<(), String> {
        for batch in rx {
            writer.write(&batch)?;
        }
        writer.close()
    });
    let mut errors = Vec::new();
    let mut closed = false;
    let mut send = |batch: arrow_array::RecordBatch| {
        closed = closed || (batch.num_rows() > 0 && tx.send(batch).is_err());
        if closed { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    };
    let run = if table == Table::Citations {
        let mut citations = TableBuilder::new(table);
        let run = pipeline::run(
            inputs,
            progress,
            |entry| parsed(options, &entry, |c| (entry.source.clone(), cable_core::ids::CableCitations::of(c))),
            |r| {
                match r {
                    Ok((source, c)) => citations.push_citations(&source, c),
                    Err(e) => errors.push(e),
                }
                ControlFlow::Continue(())
            },
        );
        let _ = send(citations.end());
        run
    } else {
        pipeline::run_grouped(
            inputs,
            progress,
            || TableBuilder::new(table),
            |b, entry| parsed(options, entry, |cable| b.push(&entry.source, cable)),
            |mut b, stretch_errors| {
                errors.extend(stretch_errors);
                send(b.end())
            },
        )
    };
    errors.extend(run.err());
    drop(tx);
    match encoder.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => errors.push(e),
        Err(_) => errors.push("internal error while writing the output".to_owned()),
    }
    errors
}
