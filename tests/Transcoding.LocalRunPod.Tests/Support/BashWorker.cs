namespace Transcoding.LocalRunPod.Tests.Support;

/// <summary>
/// A stand-in worker process speaking the RunPod worker protocol with curl: by the job's <c>input.mode</c> it echoes
/// the input as output (with a few variables it was given), crashes after a progress report (or leaving a child behind),
/// hangs (with a child process), pings once naming the job then hangs without pinging again (<c>ping-then-hang</c>), or
/// works (a child) until the stop channel names the job, then kills its child and takes the next job
/// (<c>stoppable</c>), as runpod-python does. Otherwise it never pings nor polls the stop channel. It leaves its pid, and
/// the child's, in its folder.
/// </summary>
public sealed class BashWorker : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        set -u
        dir="$(dirname "$0")"
        echo $$ > "$dir/$RUNPOD_POD_ID.pid"
        auth="Authorization: $RUNPOD_AI_API_KEY"
        take="${RUNPOD_WEBHOOK_GET_JOB//\$ID/$RUNPOD_POD_ID}&job_in_progress=0"
        while true; do
          job=$(curl -sf -H "$auth" "$take") || { sleep 0.1; continue; }
          [ -n "$job" ] || continue
          id=$(jq -r .id <<<"$job")
          done_url="${RUNPOD_WEBHOOK_POST_OUTPUT//\$RUNPOD_POD_ID/$RUNPOD_POD_ID}"
          done_url="${done_url//\$ID/$id}"
          post() { curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' -d "$1" "$done_url" >/dev/null; }
          case "$(jq -r .input.mode <<<"$job")" in
            crash) post '{"status":"IN_PROGRESS","output":{"progress":10}}'; exit 3 ;;
            crash-leaving-child) sleep 600 & echo $! > "$dir/$RUNPOD_POD_ID.child"; exit 4 ;;
            hang) sleep 600 & echo $! > "$dir/$RUNPOD_POD_ID.child"; wait ;;
            ping-then-hang)
              curl -sf -H "$auth" "${RUNPOD_WEBHOOK_PING//\$RUNPOD_POD_ID/$RUNPOD_POD_ID}&job_id=$id" >/dev/null
              sleep 600 & echo $! > "$dir/$RUNPOD_POD_ID.child"; wait ;;
            stoppable)
              sleep 600 & child=$!; echo $child > "$dir/$RUNPOD_POD_ID.child"
              stop="${RUNPOD_WEBHOOK_GET_JOB//\$ID/$RUNPOD_POD_ID}"; stop="${stop/\/job-take\//\/job-stop\/}"
              until curl -sf -H "$auth" "$stop" | jq -e --arg id "$id" '.jobsToStop | index($id)' >/dev/null; do :; done
              kill $child ;;
            *) post "$(jq -c --arg w "$RUNPOD_POD_ID" --arg root "${Storage__LocalRoot:-}" --arg leak "${LOCALRUNPOD_TEST_LEAK:-}" '{output: {echo: .input, worker: $w, storageRoot: $root, leaked: $leak}}' <<<"$job")" ;;
          esac
        done
        """;

    public BashWorker()
    {
        Folder = Directory.CreateTempSubdirectory("bash-worker-").FullName;
        ScriptPath = Path.Combine(Folder, "worker.sh");
        File.WriteAllText(ScriptPath, Script.Replace("\r\n", "\n"));
    }

    public string Folder { get; }

    public string ScriptPath { get; }

    public IDictionary<string, string?> Settings(int workers = 1) => new Dictionary<string, string?>
    {
        ["LocalRunPod:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LocalRunPod:WorkerCommand"] = "bash",
        ["LocalRunPod:WorkerArguments"] = $"\"{ScriptPath}\"",
    };

    public int? Pid(string workerId, string suffix = "pid")
    {
        var path = Path.Combine(Folder, $"{workerId}.{suffix}");
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid) ? pid : null;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
