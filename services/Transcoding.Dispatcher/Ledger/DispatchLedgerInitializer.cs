namespace Transcoding.Dispatcher.Ledger;

/// <summary>Creates the ledger's table at start-up, before the bus delivers the first command.</summary>
public sealed class DispatchLedgerInitializer(IDispatchLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ledger.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
