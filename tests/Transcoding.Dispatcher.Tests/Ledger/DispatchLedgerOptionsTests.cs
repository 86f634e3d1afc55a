using Microsoft.Extensions.Options;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Ledger;

public sealed class DispatchLedgerOptionsTests
{
    [Theory]
    [InlineData("DispatchLedger:Retention", "23:00:00", "DispatchLedger:Retention must be between 1 day and 3650 days")]
    [InlineData("DispatchLedger:CleanupInterval", "00:00:00", "DispatchLedger:CleanupInterval must be between 1 second and 1 day")]
    public async Task When_a_ledger_setting_is_out_of_range_the_dispatcher_does_not_start_and_says_which(string key, string value, string message)
    {
        await using var host = await DispatcherTestHost.StartAsync("http://127.0.0.1:9", withBus: false, new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartHostedServicesAsync());

        Assert.Contains(message, error.Message);
    }
}
