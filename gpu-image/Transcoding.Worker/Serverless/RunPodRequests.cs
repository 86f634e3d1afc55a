using System.Net.Http.Headers;
using System.Reflection;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// Every request the worker sends to RunPod, built as runpod-python 1.12.0 builds it: the URL from the
/// <c>RUNPOD_*</c> templates, the bare <c>Authorization</c> key (http_client.py:18-33; never <c>Bearer</c>), and for
/// job-done the SDK's content type and query flag. The one place the wire format lives.
/// </summary>
internal static class RunPodRequests
{
    /// <summary>
    /// What the SDK sends on job-done, although the body is JSON text (rp_http.py:38-45): the only form proven against
    /// real RunPod. No <c>charset</c> parameter: the SDK sends it as a header of its own, copied here.
    /// </summary>
    public const string PostContentType = "application/x-www-form-urlencoded";

    /// <summary><c>runpod_version</c> on pings: this worker, not the SDK, under a name that says so.</summary>
    public static readonly string Version = "transcoding-worker-" + (typeof(RunPodRequests).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <summary>job-take (E1): GET, <c>job_in_progress</c> 1 while the worker holds a job, else 0 (rp_job.py:121-122).</summary>
    public static HttpRequestMessage Take(RunPodOptions options, bool jobInProgress) =>
        Authorized(HttpMethod.Get, TakeUrl(options, jobInProgress), options);

    /// <summary>job-stop (E3): GET on <see cref="StopUrl"/>, which must not be null.</summary>
    public static HttpRequestMessage Stop(RunPodOptions options) =>
        Authorized(HttpMethod.Get, StopUrl(options) ?? throw new InvalidOperationException("RUNPOD_WEBHOOK_GET_JOB has no /job-take/ segment."), options);

    /// <summary>Ping (E7): GET, ids of the jobs in progress comma-joined in <c>job_id</c>, omitted when none (rp_ping.py:103-104).</summary>
    public static HttpRequestMessage Ping(RunPodOptions options, IReadOnlyCollection<string> jobIds) =>
        Authorized(HttpMethod.Get, PingUrl(options, jobIds), options);

    /// <summary>
    /// job-done (E4, E5): POST of <paramref name="json"/> as UTF-8 text with the SDK's content type, and
    /// <c>X-Request-ID</c> = the job id (rp_http.py:58-63).
    /// </summary>
    public static HttpRequestMessage Done(RunPodOptions options, string jobId, string json)
    {
        var request = Authorized(HttpMethod.Post, DoneUrl(options, jobId), options);
        request.Headers.TryAddWithoutValidation("X-Request-ID", jobId);
        request.Headers.TryAddWithoutValidation("charset", "utf-8");
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(PostContentType);
        return request;
    }

    /// <summary>GET_JOB with <c>$ID</c> = worker id and <c>job_in_progress</c> appended (rp_job.py:23,121-122).</summary>
    internal static string TakeUrl(RunPodOptions options, bool jobInProgress) =>
        WithQuery(TakeBase(options), "job_in_progress=" + (jobInProgress ? "1" : "0"));

    /// <summary>
    /// The stop channel: the job-take URL (after <c>$ID</c>) with <c>/job-take/</c> → <c>/job-stop/</c>, its query kept
    /// and no <c>job_in_progress</c>; null when it has no <c>/job-take/</c> segment (rp_job.py:29-39).
    /// </summary>
    internal static string? StopUrl(RunPodOptions options)
    {
        var take = TakeBase(options);
        return take.Contains("/job-take/", StringComparison.Ordinal) ? take.Replace("/job-take/", "/job-stop/", StringComparison.Ordinal) : null;
    }

    /// <summary>POST_OUTPUT with <c>$RUNPOD_POD_ID</c> = worker id, <c>$ID</c> = job id, then <c>isStream=false</c> (rp_http.py:16-19,62-63).</summary>
    internal static string DoneUrl(RunPodOptions options, string jobId) => WithQuery(
        options.PostOutputUrl
            .Replace("$RUNPOD_POD_ID", Uri.EscapeDataString(options.PodId), StringComparison.Ordinal)
            .Replace("$ID", Uri.EscapeDataString(jobId), StringComparison.Ordinal),
        "isStream=false");

    /// <summary>PING with <c>$RUNPOD_POD_ID</c> = worker id, then <c>job_id</c> (when any) and <c>runpod_version</c> (rp_ping.py:29-30,103-104).</summary>
    internal static string PingUrl(RunPodOptions options, IReadOnlyCollection<string> jobIds)
    {
        var url = (options.PingUrl ?? "").Replace("$RUNPOD_POD_ID", Uri.EscapeDataString(options.PodId), StringComparison.Ordinal);
        if (jobIds.Count > 0)
        {
            url = WithQuery(url, "job_id=" + Uri.EscapeDataString(string.Join(',', jobIds)));
        }

        return WithQuery(url, "runpod_version=" + Uri.EscapeDataString(Version));
    }

    private static string TakeBase(RunPodOptions options) =>
        options.GetJobUrl.Replace("$ID", Uri.EscapeDataString(options.PodId), StringComparison.Ordinal);

    /// <summary>The SDK always appends with <c>&amp;</c>, so RunPod's templates carry a query; a template without one still works here.</summary>
    private static string WithQuery(string url, string parameter) => url + (url.Contains('?') ? "&" : "?") + parameter;

    private static HttpRequestMessage Authorized(HttpMethod method, string url, RunPodOptions options)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            // Raw, as the SDK sends it, so not parsed as a scheme; start-up validation (HeaderValueAttribute) keeps line breaks out.
            request.Headers.TryAddWithoutValidation("Authorization", options.ApiKey.Trim());
        }

        return request;
    }
}
