namespace Transcoding.LocalRunPod.Jobs;

/// <summary>The 200 body of <c>job-stop</c>: <c>{"jobsToStop": ["id", …]}</c>, as runpod-python reads it (<c>rp_job.py:83-101</c>).</summary>
public sealed record StopSignals(IReadOnlyList<string> JobsToStop);
