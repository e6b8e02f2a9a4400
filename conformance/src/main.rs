//! The reference decoder for pika's differential test: the contract's types (CONTRACT.md §2–§6) declared with
//! serde derive as the reference declares them, decoded with serde_json exactly as the reference reads each file
//! (`from_slice` for single documents; for `events.jsonl`, the whole file as UTF-8 text, split on `\n`, blank lines
//! skipped, each line `from_str`).
//!
//! Usage: `pika-conformance KIND FILE...`, `pika-conformance -` (stdin: lines `KIND<TAB>FILE`), or
//! `pika-conformance --batch KIND FILE` where FILE holds many documents, each as its length in bytes (decimal),
//! a newline, then the bytes; the output names them `#0`, `#1`, ….
//! KIND: result, status, events, request, spec, image-record, execution-record.
//! Output, one line per file: `FILE<TAB>accept` or `FILE<TAB>reject<TAB>LINE<TAB>COLUMN<TAB>MESSAGE`
//! (LINE/COLUMN as serde_json reports them, 0 when it reports none; for events LINE is the stream line and the
//! message starts with `line N: `). Exit 0 when every file was read, 1 on a read error, 2 on usage errors.
#![allow(dead_code)]

use serde_derive::Deserialize;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuntimeState {
    Requested,
    Provisioning,
    Booted,
    Unreachable,
    Stopped,
    Destroyed,
    Starting,
    Ready,
    Failed,
    Completed,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum LifecycleTerminalStatus {
    Completed,
    Failed,
}

#[derive(Deserialize)]
struct LifecycleTerminalResult {
    schema_version: u32,
    status: LifecycleTerminalStatus,
    finished_at: String,
    message: String,
    exit_code: Option<i32>,
    details: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct LifecycleStatus {
    schema_version: u32,
    state: RuntimeState,
    updated_at: String,
    message: String,
    boot_id: Option<String>,
    details: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct LifecycleEvent {
    schema_version: u32,
    seq: u64,
    timestamp: String,
    kind: RuntimeState,
    message: String,
    boot_id: Option<String>,
    details: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncusGuestRunRequest {
    schema_version: u32,
    command: String,
    timeout_secs: u64,
    run_as_root: bool,
}

#[derive(Deserialize)]
struct RuntimeIdentity {
    runtime_id: String,
    instance_name: String,
}

#[derive(Deserialize)]
struct IncusRuntimeConfig {
    project: String,
    profile: String,
    image_alias: String,
}

#[derive(Deserialize, Default)]
struct RuntimeResources {
    vcpu_count: Option<u8>,
    memory_mib: Option<u32>,
    root_disk_gib: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuntimeMountKind {
    PersistentVolume,
    ReadOnlySnapshot,
    ArtifactOutput,
    Cache,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuntimeMountMode {
    ReadOnly,
    ReadWrite,
}

#[derive(Deserialize)]
struct RuntimeMount {
    kind: RuntimeMountKind,
    guest_path: String,
    source: String,
    mode: RuntimeMountMode,
    #[serde(default)]
    required: bool,
}

fn state_dir() -> String {
    "/run/pika-cloud".into()
}
fn events_path() -> String {
    "/run/pika-cloud/events.jsonl".into()
}
fn status_path() -> String {
    "/run/pika-cloud/status.json".into()
}
fn result_path() -> String {
    "/run/pika-cloud/result.json".into()
}
fn guest_request_path() -> String {
    "/run/pika-cloud/guest-request.json".into()
}
fn logs_dir() -> String {
    "/run/pika-cloud/logs".into()
}
fn guest_log_path() -> String {
    "/run/pika-cloud/logs/guest.log".into()
}
fn artifacts_dir() -> String {
    "/run/pika-cloud/artifacts".into()
}

#[derive(Deserialize)]
struct RuntimeArtifactPaths {
    #[serde(default = "events_path")]
    events_path: String,
    #[serde(default = "status_path")]
    status_path: String,
    #[serde(default = "result_path")]
    result_path: String,
}

#[derive(Deserialize)]
struct RuntimePaths {
    #[serde(default = "state_dir")]
    state_dir: String,
    #[serde(flatten)]
    runtime_artifacts: RuntimeArtifactPaths,
    #[serde(default = "guest_request_path")]
    guest_request_path: String,
    #[serde(default = "logs_dir")]
    logs_dir: String,
    #[serde(default = "guest_log_path")]
    guest_log_path: String,
    #[serde(default = "artifacts_dir")]
    artifacts_dir: String,
}

impl Default for RuntimePaths {
    fn default() -> Self {
        RuntimePaths {
            state_dir: state_dir(),
            runtime_artifacts: RuntimeArtifactPaths {
                events_path: events_path(),
                status_path: status_path(),
                result_path: result_path(),
            },
            guest_request_path: guest_request_path(),
            logs_dir: logs_dir(),
            guest_log_path: guest_log_path(),
            artifacts_dir: artifacts_dir(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RestartPolicy {
    Never,
    OnFailure,
    Always,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RetentionPolicy {
    DestroyOnCompletion,
    KeepUntilStopped,
    DebugKeep,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum OutputCollectionMode {
    None,
    FailureOnly,
    Always,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct OutputCollectionPolicy {
    mode: OutputCollectionMode,
    #[serde(default = "yes")]
    include_logs: bool,
    #[serde(default = "yes")]
    include_result: bool,
    #[serde(default)]
    artifact_globs: Vec<String>,
}

impl Default for OutputCollectionPolicy {
    fn default() -> Self {
        OutputCollectionPolicy {
            mode: OutputCollectionMode::Always,
            include_logs: true,
            include_result: true,
            artifact_globs: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
struct RuntimePolicies {
    restart_policy: RestartPolicy,
    retention_policy: RetentionPolicy,
    #[serde(default)]
    output_collection: OutputCollectionPolicy,
}

impl Default for RuntimePolicies {
    fn default() -> Self {
        RuntimePolicies {
            restart_policy: RestartPolicy::Never,
            retention_policy: RetentionPolicy::DestroyOnCompletion,
            output_collection: OutputCollectionPolicy::default(),
        }
    }
}

#[derive(Deserialize)]
struct RuntimeSpec {
    identity: RuntimeIdentity,
    incus: IncusRuntimeConfig,
    #[serde(default)]
    resources: RuntimeResources,
    #[serde(default)]
    mounts: Vec<RuntimeMount>,
    #[serde(default)]
    paths: RuntimePaths,
    #[serde(default)]
    policies: RuntimePolicies,
    entry_command: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    metadata: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum IncusGuestRole {
    ManagedOpenclaw,
    PikaciRunner,
}

#[derive(Deserialize)]
struct RemoteLinuxVmImageRecord {
    #[serde(default, alias = "role")]
    guest_role: Option<IncusGuestRole>,
    project: String,
    alias: String,
    #[serde(default)]
    fingerprint: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RemoteLinuxVmBackend {
    Incus,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RemoteLinuxVmPhase {
    PrepareDirectories,
    StageWorkspaceSnapshot,
    PrepareRuntime,
    LaunchGuest,
    WaitForCompletion,
    CollectArtifacts,
}

#[derive(Deserialize)]
struct RemoteLinuxVmPhaseRecord {
    phase: RemoteLinuxVmPhase,
    started_at: String,
    finished_at: String,
    duration_ms: u64,
}

#[derive(Deserialize)]
struct RemoteLinuxVmExecutionRecord {
    backend: RemoteLinuxVmBackend,
    #[serde(default)]
    incus_image: Option<RemoteLinuxVmImageRecord>,
    #[serde(default)]
    phases: Vec<RemoteLinuxVmPhaseRecord>,
}

/// A verdict: None = accepted, Some((line, column, message)) = rejected.
type Verdict = Option<(usize, usize, String)>;

fn slice<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Verdict {
    match serde_json::from_slice::<T>(bytes) {
        Ok(_) => None,
        Err(e) => Some((e.line(), e.column(), e.to_string())),
    }
}

/// The reference's event stream reader (CONTRACT.md §2).
fn events(bytes: Vec<u8>) -> Verdict {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => return Some((0, 0, "stream did not contain valid UTF-8".into())),
    };
    // split on '\n' only; a '\r' right before a '\n' belongs to the line break (str::lines)
    let mut rest: &str = &text;
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        let (mut line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        if line.ends_with('\r') && rest.len() > line.len() {
            line = &line[..line.len() - 1];
        }
        rest = next;
        if line.trim().is_empty() {
            continue;
        }
        if let Err(e) = serde_json::from_str::<LifecycleEvent>(line) {
            return Some((number, e.column(), format!("line {}: {}", number, e)));
        }
    }
    None
}

fn check(kind: &str, bytes: Vec<u8>) -> Result<Verdict, String> {
    Ok(match kind {
        "result" => slice::<LifecycleTerminalResult>(&bytes),
        "status" => slice::<LifecycleStatus>(&bytes),
        "events" => events(bytes),
        "event" => slice::<LifecycleEvent>(&bytes),
        "request" => slice::<IncusGuestRunRequest>(&bytes),
        "spec" => slice::<RuntimeSpec>(&bytes),
        "image-record" => slice::<RemoteLinuxVmImageRecord>(&bytes),
        "execution-record" => slice::<RemoteLinuxVmExecutionRecord>(&bytes),
        _ => return Err(format!("unknown kind: {}", kind)),
    })
}

fn one(out: &mut impl Write, kind: &str, path: &str) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path, e))?;
    let line = match check(kind, bytes)? {
        None => format!("{}\taccept\n", path),
        Some((l, c, m)) => format!("{}\treject\t{}\t{}\t{}\n", path, l, c, m.replace('\n', "\\n").replace('\t', "\\t")),
    };
    out.write_all(line.as_bytes()).map_err(|e| e.to_string())
}

fn batch(out: &mut impl Write, kind: &str, path: &str) -> Result<(), String> {
    let all = std::fs::read(path).map_err(|e| format!("{}: {}", path, e))?;
    let mut at = 0;
    let mut n = 0;
    while at < all.len() {
        let nl = all[at..].iter().position(|&c| c == b'\n').ok_or("batch: missing length line")? + at;
        let len: usize = std::str::from_utf8(&all[at..nl])
            .map_err(|e| e.to_string())?
            .parse()
            .map_err(|e| format!("batch: bad length: {}", e))?;
        let doc = all.get(nl + 1..nl + 1 + len).ok_or("batch: truncated document")?.to_vec();
        at = nl + 1 + len;
        let line = match check(kind, doc)? {
            None => format!("#{}\taccept\n", n),
            Some((l, c, m)) => format!("#{}\treject\t{}\t{}\t{}\n", n, l, c, m.replace('\n', "\\n").replace('\t', "\\t")),
        };
        out.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.len() == 3 && args[0] == "--batch" {
        batch(&mut out, &args[1], &args[2])
    } else if args.len() == 1 && args[0] == "-" {
        let stdin = io::stdin();
        let mut r = Ok(());
        for l in stdin.lock().lines() {
            let l = match l {
                Ok(l) => l,
                Err(e) => {
                    r = Err(e.to_string());
                    break;
                }
            };
            if l.is_empty() {
                continue;
            }
            let mut parts = l.splitn(2, '\t');
            let kind = parts.next().unwrap_or("");
            let path = parts.next().unwrap_or("");
            if let Err(e) = one(&mut out, kind, path) {
                r = Err(e);
                break;
            }
        }
        r
    } else if args.len() >= 2 {
        let mut r = Ok(());
        for p in &args[1..] {
            if let Err(e) = one(&mut out, &args[0], p) {
                r = Err(e);
                break;
            }
        }
        r
    } else {
        eprintln!("usage: pika-conformance KIND FILE... | pika-conformance - (lines KIND<TAB>FILE on stdin)");
        std::process::exit(2);
    };
    let _ = out.flush();
    if let Err(e) = result {
        eprintln!("pika-conformance: {}", e);
        std::process::exit(1);
    }
}
