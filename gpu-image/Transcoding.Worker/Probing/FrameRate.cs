using System.Globalization;

namespace Transcoding.Worker.Probing;

/// <summary>An exact frame rate as ffmpeg writes it (<c>30000/1001</c>), kept rational so halving it stays exact.</summary>
public readonly record struct FrameRate(long Numerator, long Denominator)
{
    public double PerSecond => (double)Numerator / Denominator;

    /// <summary>"30000/1001" or "25"; null for "0/0", "N/A" and anything not a positive rate.</summary>
    public static FrameRate? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split('/');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || parts.Length > 2)
        {
            return null;
        }

        long denominator = 1;
        if (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out denominator))
        {
            return null;
        }

        return numerator > 0 && denominator > 0 ? new FrameRate(numerator, denominator).Reduced() : null;
    }

    /// <summary>This rate divided by a whole number (every n-th frame kept), reduced.</summary>
    public FrameRate DividedBy(int n) => new FrameRate(Numerator, Denominator * n).Reduced();

    public override string ToString() =>
        Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>The same rate in lowest terms (60000/1000 -> 60).</summary>
    public FrameRate Reduced()
    {
        var divisor = (long)System.Numerics.BigInteger.GreatestCommonDivisor(Numerator, Denominator);
        return new FrameRate(Numerator / divisor, Denominator / divisor);
    }
}
