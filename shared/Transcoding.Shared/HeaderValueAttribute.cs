using System.ComponentModel.DataAnnotations;

namespace Transcoding.Shared;

/// <summary>
/// A setting sent as an HTTP header value (API keys, tokens): after trimming, visible ASCII only (0x21-0x7E, RFC 9110
/// token68 and bearer credentials). A line break in it would otherwise inject headers into every request. Null or
/// empty passes (<see cref="RequiredAttribute"/> says whether it is needed). The error names the setting, never its
/// value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HeaderValueAttribute(string settingName) : ValidationAttribute
{
    /// <summary>Whether <paramref name="value"/>, trimmed, is empty or visible ASCII only.</summary>
    public static bool IsHeaderSafe(string? value) => value is null || value.Trim().All(c => c is > ' ' and < '\x7F');

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsHeaderSafe(value as string)
            ? ValidationResult.Success
            : new ValidationResult($"{settingName} must be visible ASCII characters only (no spaces inside, line breaks or control characters).",
                validationContext.MemberName is { } member ? [member] : null);
}
