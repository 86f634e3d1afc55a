using System.Text.Json;
using System.Text.Json.Serialization;

namespace Transcoding.LocalRunPod;

/// <summary>RunPod's JSON: camelCase, absent values left out.</summary>
public static class LocalRunPodJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
