namespace Transcoding.Worker.Conditioning;

/// <summary>Which field of an interlaced frame comes first in time: top (TFF) or bottom (BFF).</summary>
public enum FieldParity
{
    TopFirst,
    BottomFirst,
}
