namespace Transcoding.Chaos;

public enum Verdict
{
    /// <summary>The must-be held.</summary>
    Pass,

    /// <summary>The must-be broke: the run exits non-zero.</summary>
    Fail,

    /// <summary>The figure could not be measured; when it has a must-be the run exits non-zero.</summary>
    NotMeasured,

    /// <summary>A figure with nothing to hold to ("reported").</summary>
    Reported,
}
