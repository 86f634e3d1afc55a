namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// The RunPod endpoint operations the dispatcher calls, each at <c>/v2/{endpointId}/{operation}</c> (RunPod docs,
/// <c>serverless/endpoints/operation-reference.mdx</c>). The operation decides what a 404 means.
/// </summary>
public enum RunPodOperation
{
    /// <summary><c>POST run</c>: submits a job.</summary>
    Run,

    /// <summary><c>GET status/{jobId}</c>.</summary>
    Status,

    /// <summary><c>POST cancel/{jobId}</c>.</summary>
    Cancel,

    /// <summary><c>GET health</c>: the endpoint's workers and job counts; needs nothing but a valid key and endpoint id.</summary>
    Health,
}
