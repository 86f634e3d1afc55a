using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Ops.Cli;
using Transcoding.Ops.Faults;

namespace Transcoding.Ops.Media.Commands;

/// <summary><c>media show &lt;id&gt;</c>: state, attempts, failure or wait, outputs, GPU usage per attempt and history of one media item.</summary>
public sealed class MediaShowCommand(OpsOutput output, MediaStatusClient client, IOptions<OpsOptions> options)
    : MediaCommand<MediaSettings>(output, options)
{
    protected override async Task<int> RunAsync(MediaSettings settings, CancellationToken cancellationToken)
    {
        var status = await client.GetAsync(Api(settings), MediaId(settings), cancellationToken);
        if (settings.Json)
        {
            // The API's own document, so scripts see every field it has, including ones this CLI does not know yet.
            using var document = JsonDocument.Parse(status.Json);
            Output.WriteJson(document.RootElement);
            return ExitCodes.Ok;
        }

        var view = status.Status;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow(FaultView.Cells("Media id", view.MediaId.ToString()));
        grid.AddRow(FaultView.Cells("State", view.State));
        grid.AddRow(FaultView.Cells("Attempts", $"{view.AttemptsUsed} of {view.AttemptsAllowed}"));
        grid.AddRow(FaultView.Cells("Progress", view.Progress.ToString("0.#", CultureInfo.InvariantCulture) + " %"));
        grid.AddRow(FaultView.Cells("Job id", view.JobId ?? ""));
        if (view.Failure is { } failure)
        {
            grid.AddRow(FaultView.Cells("Failure", $"{failure.Code}: {failure.Message}{(failure.Permanent ? " (permanent)" : "")}"));
        }

        if (view.Waiting is { } waiting)
        {
            grid.AddRow(FaultView.Cells("Waiting", $"since {waiting.Since.ToString("u", CultureInfo.InvariantCulture)}: {waiting.Reason}"));
        }

        if (view.Outputs is { } outputs)
        {
            grid.AddRow(FaultView.Cells("Master playlist", outputs.MasterPlaylistKey));
            grid.AddRow(FaultView.Cells("Renditions", string.Join(", ", outputs.Renditions.Select(r => r.Name))));
        }

        if (view.Usage is { } usage)
        {
            var cost = usage.EstimatedCostUsd is { } total ? $", about {total.ToString("0.######", CultureInfo.InvariantCulture)} USD" : "";
            grid.AddRow(FaultView.Cells("GPU seconds", $"{Seconds(usage.GpuSeconds)}{cost}{(usage.Complete ? "" : " so far")}"));
        }

        Output.Console.Write(grid);
        var attempts = new Table().Title("Attempts").AddColumns("Attempt", "Job id", "Outcome", "Delay ms", "Execution ms", "GPU s", "Cost USD");
        foreach (var a in view.Usage?.Attempts ?? [])
        {
            attempts.AddRow(FaultView.Cells(
                a.Attempt.ToString(CultureInfo.InvariantCulture), a.JobId ?? "", a.Outcome ?? "running",
                Number(a.DelayTimeMs), Number(a.ExecutionTimeMs), a.GpuSeconds is { } s ? Seconds(s) : "",
                a.EstimatedCostUsd?.ToString("0.######", CultureInfo.InvariantCulture) ?? ""));
        }

        Output.Console.Write(attempts);
        var history = new Table().Title("History").AddColumns("At", "From", "To", "Attempt", "Reason");
        foreach (var t in view.History ?? [])
        {
            history.AddRow(FaultView.Cells(t.At.ToString("u", CultureInfo.InvariantCulture), t.From ?? "", t.To, t.Attempt.ToString(CultureInfo.InvariantCulture), t.Reason ?? ""));
        }

        Output.Console.Write(history);
        return ExitCodes.Ok;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
