using Transcoding.Faults;
using Transcoding.Shared;

namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>
/// The body of <c>POST /faults/replay</c> and <c>/faults/purge</c>: exactly one of <see cref="Id"/> (an AMQP message id),
/// <see cref="Queue"/> (an error queue, with or without <c>_error</c>), <see cref="Group"/> (a group id of
/// <c>GET /faults</c>) or <see cref="All"/>, as <c>ops faults replay|purge --id|--queue|--group|--all</c> take them.
/// A selector holding a character <see cref="DisplayCharacters.IsUnsafe"/> names (control characters such as NUL, CR, LF,
/// DEL; line and paragraph separators; bidirectional embeddings, overrides and isolates) is refused: no queue, id or group
/// we make has one, and it would otherwise be echoed in the 404's text and written to the replay and purge log lines.
/// </summary>
public sealed record FaultSelection(string? Id, string? Queue, string? Group, bool All)
{
    public const string NotOneSelector = "give exactly one of id, queue, group, all";

    public const string UnsafeCharacter = "id, queue and group may not hold control characters, line or paragraph separators or bidirectional overrides";

    /// <summary>The selector, or the error to answer 400 with (<see cref="NotOneSelector"/>, <see cref="UnsafeCharacter"/>).</summary>
    public (FaultSelector? Selector, string? Error) Selector()
    {
        if (new[] { Id, Queue, Group }.Any(text => text is not null && text.Any(DisplayCharacters.IsUnsafe)))
        {
            return (null, UnsafeCharacter);
        }

        var (selector, error) = FaultSelector.From(Id, Queue, Group, All);
        return (selector, error is null ? null : NotOneSelector);
    }
}
