namespace Transcoding.AllInOne;

/// <summary>Where the orchestrator's dashboard shows things, root-relative (the dashboard routes by URL fragment).</summary>
public static class DashboardLinks
{
    public const string Home = "/";

    public static string Item(Guid mediaId) => $"/#/media/{mediaId:D}";
}
