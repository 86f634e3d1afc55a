using Npgsql;

namespace Transcoding.Messaging.Postgres.Leases;

/// <summary>
/// What one role (the dispatch ledger, the webhook dedup store) says about its table so that
/// <see cref="PostgresLeaseStore{TKey}"/> can claim, release and purge its rows. The SQL fragments are constants of the
/// role, never input; they may use <c>@now</c> (timestamptz: the store's <see cref="TimeProvider"/>) and the parameters
/// the caller of each operation names. The table itself comes from the role's EF Core migration.
/// </summary>
/// <param name="Name">The table, e.g. <c>dispatch_ledger</c>.</param>
/// <param name="KeyColumns">The primary key's columns, in the order <paramref name="KeyValues"/> gives their values.</param>
/// <param name="KeyValues">One typed parameter per key column for a key.</param>
/// <param name="Claim">
/// The claim: inserts a new row or, when its <see cref="LeaseWrite.When"/> holds (the lease lapsed and nothing is kept),
/// takes the existing one over; returns a row only when the caller now holds the claim.
/// </param>
/// <param name="Unfinished">Rows a release may delete: claimed, never completed (fragment on unqualified columns).</param>
/// <param name="Expired">Rows a purge deletes (fragment on unqualified columns).</param>
public sealed record LeaseTable<TKey>(
    string Name,
    IReadOnlyList<string> KeyColumns,
    Func<TKey, IReadOnlyList<NpgsqlParameter>> KeyValues,
    LeaseWrite Claim,
    string Unfinished,
    string Expired);
