using Transcoding.Dispatcher.Ledger;

namespace Transcoding.Dispatcher.Tests.Ledger;

public sealed class InMemoryDispatchLedgerTests : DispatchLedgerContract
{
    protected override Task<IDispatchLedger> CreateLedgerAsync() => Task.FromResult<IDispatchLedger>(new InMemoryDispatchLedger(Time, Retention));
}
