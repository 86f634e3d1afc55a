using System.Text.Json;

namespace Transcoding.Shared;

/// <summary>One JSON dialect for every wire format we own (callbacks, RunPod input, manifest.json).</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
