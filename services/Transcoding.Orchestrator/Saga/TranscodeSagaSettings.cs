using System.ComponentModel.DataAnnotations;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Section <c>Orchestrator</c>.</summary>
public sealed class TranscodeSagaSettings
{
    public const string SectionName = "Orchestrator";

    /// <summary>GPU jobs a media item may cost: 2 means one retry.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>How long an attempt may go without a callback before the dispatcher is asked to poll RunPod.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often RunPod is polled again while a job whose deadline passed is still running.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// What one GPU-second costs on the endpoint's GPU type, USD (RunPod's per-second serverless price: an L4 is about
    /// 0.0002); unset, no cost is estimated. The bound catches a per-hour price entered by mistake.
    /// </summary>
    [Range(typeof(decimal), "0.0000001", "0.01", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Orchestrator:GpuSecondPriceUsd must be a price per GPU-second in USD, between 0.0000001 and 0.01 (a per-hour price divided by 3600).")]
    public decimal? GpuSecondPriceUsd { get; set; }
}
