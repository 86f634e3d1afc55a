using System.ComponentModel.DataAnnotations;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>Section <c>DispatchLedger</c>: how long the ledger remembers an attempt, and how often it forgets.</summary>
public sealed class DispatchLedgerOptions
{
    public const string SectionName = "DispatchLedger";

    /// <summary>
    /// How long an attempt's row is kept after its last write (claim, job id or cancel). While it is kept, a redelivered or
    /// replayed <c>DispatchTranscode</c> re-publishes the known job instead of submitting a second, paid one; at least a
    /// day, since configuration-fault redeliveries alone last a day by default (<c>RunPod:ConfigurationFaultRedeliveryLimit</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "DispatchLedger:Retention must be between 1 day and 3650 days.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often rows past <see cref="Retention"/> are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "DispatchLedger:CleanupInterval must be between 1 second and 1 day.")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
