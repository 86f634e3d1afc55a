namespace Transcoding.Ops.Faults;

public enum SelectorKind
{
    Id,
    Queue,
    Group,
    All,
}
