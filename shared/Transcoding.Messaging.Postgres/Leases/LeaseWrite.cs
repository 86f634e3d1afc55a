namespace Transcoding.Messaging.Postgres.Leases;

/// <summary>
/// One statement on a key's row: <c>INSERT (key, Insert...) ON CONFLICT (key) DO UPDATE SET Set WHERE When RETURNING
/// Returning</c>. One statement, so concurrent writers of the same key are serialised by the row lock and each sees what
/// the one before it wrote (PostgreSQL re-checks <see cref="When"/> on the latest row version).
/// </summary>
/// <param name="Insert">Columns of a new row besides the key, as <c>(column, SQL value)</c>.</param>
/// <param name="Set">The <c>SET</c> list for an existing row; columns of the existing row are qualified by the table name.</param>
/// <param name="When">Condition on the existing row for the update to happen; null updates always.</param>
/// <param name="Returning">What the statement returns when it inserted or updated; nothing otherwise.</param>
public sealed record LeaseWrite(IReadOnlyList<(string Column, string Value)> Insert, string Set, string? When = null, string Returning = "true");
