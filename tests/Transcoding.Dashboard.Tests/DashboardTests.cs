namespace Transcoding.Dashboard.Tests;

/// <summary>The browser tests share one site (the worker's encode and the orchestrator's start are slow) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardTests : ICollectionFixture<DashboardSite>
{
    public const string Name = "dashboard";
}
