using System.Net;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// Classifies RunPod's HTTP statuses. Sources: RunPod docs <c>serverless/endpoints/send-requests.mdx</c> "Error
/// handling" (400 request format, 401 API key, 404 "Check your endpoint ID", 429 back off, 500); runpod-python 1.12.0
/// <c>runpod/endpoint/runner.py:82-83</c> (401 is "Make sure Runpod API key is set and valid"). RunPod answers 404 both
/// for an unknown endpoint and for a job it does not know (results expire 30 minutes after the end:
/// <c>operation-reference.mdx:754</c>), so a job route's 404 is <see cref="RunPodAnswer.UnknownJob"/> and
/// <see cref="RunPodClient"/> asks <c>/health</c>, which only an unknown endpoint (or key) fails, before believing it.
/// </summary>
public static class RunPodAnswers
{
    public static RunPodAnswer Classify(RunPodOperation operation, HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => RunPodAnswer.Success,
        401 or 403 => RunPodAnswer.ConfigurationFault,
        404 when operation is RunPodOperation.Status or RunPodOperation.Cancel => RunPodAnswer.UnknownJob,
        404 => RunPodAnswer.ConfigurationFault,
        408 or 429 => RunPodAnswer.Transient,
        >= 400 and < 500 => RunPodAnswer.Rejected,
        _ => RunPodAnswer.Transient,
    };
}
