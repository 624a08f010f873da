//! Snippets of cables (issue 12): text without any header or metadata line is still a cable
//! fragment when it ends in a signature, and its signer is read; text with neither stays an
//! error.

use cable_core::{ErrorKind, parse};

#[test]
fn prose_that_ends_in_a_signature_is_a_fragment() {
    // The last lines of a 1990s Hanoi cable, as the peer parser's signed_by cases quote it.
    let text = "ETHER OUT OF DESPERATION OR INSPIRATION, VIETNAM\nFINDS LITTLE RECOURSE BUT TO LOOK TO CHINA -- THE\n\
                LARGEST, MOST IMPORTANT AND MOST PROSPEROUS OF THE\nFIVE -- FOR IDEAS ON ECONOMIC AND POLITICAL REFORM.\n\
                END COMMENT.\nPETERSON\n\nNOTE: NOT PASSED TO ABOVE ADDRESSEE(S)\n\n                       CONFIDENTIAL";
    let cable = parse(text).expect("a signed fragment parses");
    assert_eq!(cable.signers(), ["PETERSON"]);
}

#[test]
fn prose_without_a_signature_is_no_cable() {
    // `\n\nV`: the seed cut after its first letter (the C tests' truncated input).
    for text in ["\n\nJust some words about the weather.\nAnd more.\n", "just some words\n", "\n\nV", "\n\nPETERSON\n"]
    {
        let err = parse(text).expect_err("no cable line, no signature");
        assert_eq!(err.kind(), ErrorKind::NotACable, "{text:?}");
    }
}
