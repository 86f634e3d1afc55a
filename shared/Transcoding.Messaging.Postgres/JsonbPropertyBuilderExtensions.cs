using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Transcoding.Messaging.Postgres;

public static class JsonbPropertyBuilderExtensions
{
    /// <summary>
    /// Stores a property (typically an immutable record such as <c>TranscodeOutputs</c>) as a <c>jsonb</c> column through
    /// System.Text.Json, and compares it by its JSON so EF Core notices when a saga step replaces or changes it.
    /// </summary>
    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property, JsonSerializerOptions? options = null)
    {
        options ??= JsonSerializerOptions.Web;
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, options),
                json => JsonSerializer.Deserialize<T>(json, options)!,
                new ValueComparer<T>(
                    (left, right) => JsonSerializer.Serialize(left, options) == JsonSerializer.Serialize(right, options),
                    value => JsonSerializer.Serialize(value, options).GetHashCode(),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, options), options)!));
        return property;
    }
}
