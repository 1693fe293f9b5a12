//! Builds that are killed while they write, and builds that run at the same time on one output folder.
//!
//! `suluh build` renders into a staging folder beside `dist/` and swaps it in at the end, holding a lock on
//! `.dist.suluh-lock` meanwhile. These tests kill the real binary with SIGKILL at spread-out moments and
//! check that `dist/` is always either the complete previous output or the complete new one.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::harness::{Site, NOW_EPOCH};

/// Liveness bound for a build that should finish.
const WAIT: Duration = Duration::from_secs(120);

fn spawn_build(site: &Site) -> Child {
    Command::new(env!("CARGO_BIN_EXE_suluh"))
        .env("SULUH_MESSAGES", "en")
        .arg("build")
        .current_dir(&site.root)
        .env("SOURCE_DATE_EPOCH", NOW_EPOCH)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start suluh build")
}

/// Collects a child's standard error as it arrives.
fn capture_stderr(child: &mut Child) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = text.clone();
    let mut err = child.stderr.take().expect("stderr piped");
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    text
}

/// Staging folders (`.dist.suluh-new-*`, `.dist.suluh-old-*`) beside the output.
fn leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".dist.suluh-new-") || n.starts_with(".dist.suluh-old-"))
        .collect()
}

/// A small xorshift generator: the test needs spread-out delays, not statistical quality. The seed is fixed
/// (so every run kills at the same fractions of a build) unless `SULUH_KILL_SEED` sets another one.
struct Rng(u64);

impl Rng {
    fn from_env_or_fixed() -> Rng {
        let seed = std::env::var("SULUH_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x5eed_1e5a_f11e_d00d_u64)
            | 1;
        Rng(seed)
    }

    /// A number in `0..1`.
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How a round picks its moment to kill.
#[derive(Clone, Copy, Debug)]
enum Moment {
    /// After a delay spread over one build's duration (and a little beyond, so some land after the swap).
    Delay(f64),
    /// As soon as the build's staging folder exists: the build is stopped (SIGSTOP) there, so the kill is
    /// known to land while it writes, whatever the machine's speed.
    Staging,
}

/// Waits for the build's staging folder, then stops the build; whether it was caught while writing.
fn stop_while_staging(site: &Site, child: &mut Child) -> bool {
    let started = Instant::now();
    while leftovers(site).is_empty() {
        if child.try_wait().unwrap().is_some() || started.elapsed() > WAIT {
            return false;
        }
        std::thread::yield_now();
    }
    let pid = rustix::process::Pid::from_child(child);
    let _ = rustix::process::kill_process(pid, rustix::process::Signal::STOP);
    // Stopped: nothing moves any more. Caught while writing if its staging folder is still there.
    !leftovers(site).is_empty() && child.try_wait().unwrap().is_none()
}

#[test]
fn a_killed_build_leaves_the_previous_output_whole_and_the_next_build_cleans_up() {
    let site = Site::fixture("basic");
    let page = "content/paspor/hilang.md";
    let original = std::fs::read_to_string(site.path(page)).unwrap();

    let started = Instant::now();
    site.build().assert_ok();
    // How long one build takes here; delayed kills are spread over it.
    let duration = started.elapsed();
    let mut previous = site.snapshot();
    assert!(!previous.is_empty());

    let mut rng = Rng::from_env_or_fixed();
    let mut caught_writing = 0;
    // Ten kills spread over the build, then kills at the staging folder until three have landed while the
    // build was writing (at most ten tries: a build that never shows its staging folder fails the test).
    let mut moments: Vec<Moment> = (0..10).map(|_| Moment::Delay(rng.unit() * 1.1)).collect();
    moments.extend(std::iter::repeat_n(Moment::Staging, 10));
    for (round, moment) in moments.into_iter().enumerate() {
        if matches!(moment, Moment::Staging) && caught_writing >= 3 {
            break;
        }
        // Every round changes the content, so an old and a new output can be told apart.
        site.write(
            page,
            &original.replace(
                "Laporkan ke polisi.",
                &format!("Laporkan ke polisi. Putaran {round}."),
            ),
        );
        let mut child = spawn_build(&site);
        let writing = match moment {
            Moment::Delay(fraction) => {
                std::thread::sleep(duration.mul_f64(fraction));
                false
            }
            Moment::Staging => stop_while_staging(&site, &mut child),
        };
        child.kill().unwrap(); // SIGKILL: no destructor or signal handler runs.
        child.wait().unwrap();

        let after_kill = site.snapshot();
        let unchanged = after_kill == previous;
        if writing {
            assert!(
                unchanged,
                "round {round}: a build killed while writing changed dist/"
            );
            caught_writing += 1;
        }

        // The next build needs no manual clean-up and removes what the killed one left.
        site.build().assert_ok();
        assert!(
            leftovers(&site).is_empty(),
            "round {round}: stale staging folders left: {:?}",
            leftovers(&site)
        );
        let complete_new = site.snapshot();
        assert!(
            complete_new
                .iter()
                .any(|(p, b)| p.ends_with("hilang/index.html")
                    && String::from_utf8_lossy(b).contains(&format!("Putaran {round}."))),
            "round {round}: the new build lacks the edit"
        );
        // After a kill, dist/ is one of two complete outputs, never a mix or a partial one.
        assert!(
            unchanged || after_kill == complete_new,
            "round {round} ({moment:?}): dist/ is neither the previous output nor the complete new one"
        );
        previous = complete_new;
    }
    // The test only proves something if kills landed while a build was writing its staging folder.
    assert!(
        caught_writing >= 3,
        "only {caught_writing} kills landed while the build was writing"
    );
}

#[test]
fn a_second_build_of_the_same_output_waits_for_the_first() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot();
    site.write(
        "content/paspor/hilang.md",
        &std::fs::read_to_string(site.path("content/paspor/hilang.md"))
            .unwrap()
            .replace("Laporkan ke polisi.", "Laporkan segera."),
    );

    // Stand in for a running build by holding its lock.
    let lock = suluh::output::BuildLock::acquire(&site.root, "dist", || {
        panic!("nothing else holds the lock yet")
    })
    .unwrap();
    let mut child = spawn_build(&site);
    let stderr = capture_stderr(&mut child);
    let started = Instant::now();
    while !stderr
        .lock()
        .unwrap()
        .contains("waiting for another build of")
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build did not wait: {}",
            stderr.lock().unwrap()
        );
        assert!(started.elapsed() < WAIT, "no waiting message");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        stderr.lock().unwrap().contains("dist…"),
        "the message names the output: {}",
        stderr.lock().unwrap()
    );
    // While it waits it writes nothing: no staging folder, the output untouched.
    std::thread::sleep(Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none());
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert_eq!(site.snapshot(), before);

    drop(lock);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < WAIT, "the build never finished");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{}", stderr.lock().unwrap());
    assert!(site
        .out("paspor/hilang/index.html")
        .contains("Laporkan segera."));
}

#[test]
fn builds_started_together_each_leave_a_complete_output() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let reference = site.snapshot();
    std::fs::remove_dir_all(site.path("dist")).unwrap();

    let mut children: Vec<Child> = (0..3).map(|_| spawn_build(&site)).collect();
    let outputs: Vec<Arc<Mutex<String>>> = children.iter_mut().map(capture_stderr).collect();
    for (child, stderr) in children.iter_mut().zip(&outputs) {
        let status = child.wait().unwrap();
        assert!(status.success(), "{}", stderr.lock().unwrap());
    }
    assert_eq!(site.snapshot(), reference);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}
