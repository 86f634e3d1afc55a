using System.ComponentModel.DataAnnotations;

namespace Transcoding.Worker.Serverless;

/// <summary>RunPod's worker environment (<c>RUNPOD_*</c> variables), read in serverless mode only.</summary>
public sealed class RunPodOptions
{
    [Required(ErrorMessage = "RUNPOD_WEBHOOK_GET_JOB is required in serverless mode.")]
    public string GetJobUrl { get; set; } = "";

    [Required(ErrorMessage = "RUNPOD_WEBHOOK_POST_OUTPUT is required in serverless mode.")]
    public string PostOutputUrl { get; set; } = "";

    [Required(ErrorMessage = "RUNPOD_POD_ID is required in serverless mode.")]
    public string PodId { get; set; } = "";

    /// <summary>Sent as the raw Authorization header, as RunPod's own SDK does. Never logged.</summary>
    public string? ApiKey { get; set; }

    public void Bind(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        GetJobUrl = configuration["RUNPOD_WEBHOOK_GET_JOB"] ?? "";
        PostOutputUrl = configuration["RUNPOD_WEBHOOK_POST_OUTPUT"] ?? "";
        PodId = configuration["RUNPOD_POD_ID"] ?? "";
        ApiKey = configuration["RUNPOD_AI_API_KEY"];
    }
}
