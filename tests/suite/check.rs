//! `suluh check` rules: each one fires on a real mistake, points at its line, and stays quiet otherwise.

use crate::harness::Site;

fn check_with(rel: &str, text: &str) -> crate::harness::Run {
    let site = Site::fixture("basic");
    site.write(rel, text);
    site.run(&["check"])
}

#[track_caller]
fn assert_warning(run: &crate::harness::Run, location: &str, message: &str, hint: &str) {
    assert_eq!(
        run.code, 0,
        "warnings must not fail the check:\n{}",
        run.stderr
    );
    let block = run
        .stderr
        .split("warning: ")
        .find(|b| b.contains(message) && b.contains(location))
        .unwrap_or_else(|| panic!("no warning `{message}` at {location} in:\n{}", run.stderr));
    assert!(
        block.contains(hint),
        "`{message}` without hint `{hint}`:\n{block}"
    );
}

#[test]
fn image_without_alt_text() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\nTeks.\n\n![](denah.png)\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:8:1",
        "image without alt text",
        "describe the image",
    );
}

#[test]
fn heading_levels() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\n## A\n\n#### B\n\n# C\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:8:1",
        "skips from level 2 to level 4",
        "use ###",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:10:1",
        "level-1 heading `C`",
        "start sections with `##`",
    );
}

#[test]
fn empty_link() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\nLihat [](hilang.md).\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:6:7",
        "link without text",
        "write the words",
    );
}

#[test]
fn duplicate_title() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: paspor baru\ndescription: D.\n---\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:2:1",
        "is also used by content/paspor/baru.md",
        "differs",
    );
}

#[test]
fn page_without_description() {
    let run = check_with("content/paspor/x.md", "---\ntitle: X\n---\n");
    assert_warning(
        &run,
        "content/paspor/x.md:2:1",
        "page without a description",
        "add `description:`",
    );
}

#[test]
fn procedure_without_fees_or_requirements() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\nprocessing_time: 3 hari\n---\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:4:1",
        "procedure without fees",
        "amount: 0",
    );
    assert_warning(
        &run,
        "content/paspor/x.md",
        "procedure without requirements",
        "documents to bring",
    );
}

#[test]
fn undated_page_in_a_date_sorted_section() {
    let run = check_with(
        "content/acara/x.md",
        "---\ntitle: X\ndescription: D.\n---\n",
    );
    assert_warning(
        &run,
        "content/acara/x.md:2:1",
        "page without a date",
        "date: YYYY-MM-DD",
    );
}

#[test]
fn clean_pages_get_no_rule_warnings() {
    let site = Site::fixture("basic");
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .filter(|m| !m.starts_with("not translated"))
        .collect();
    // The fixture has deliberate gaps (a draft, pages without description); only those may show up.
    for m in &messages {
        assert!(
            m.starts_with("page without a description") || m.starts_with("procedure without"),
            "unexpected warning: {m}"
        );
    }
}
