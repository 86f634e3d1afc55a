namespace Transcoding.Faults;

public enum SelectorKind
{
    Id,
    Queue,
    Group,
    All,
}
