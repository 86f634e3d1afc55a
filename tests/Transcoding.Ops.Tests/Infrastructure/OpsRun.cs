using System.Text.Json;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>What one run of the CLI produced.</summary>
public sealed record OpsRun(int ExitCode, string Console, string Json, string Error)
{
    public JsonElement JsonRoot => JsonDocument.Parse(Json).RootElement;
}
