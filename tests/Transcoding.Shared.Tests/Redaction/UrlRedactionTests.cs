using Transcoding.Shared.Redaction;

namespace Transcoding.Shared.Tests.Redaction;

public sealed class UrlRedactionTests
{
    private const string Token = "q3Yx_Zt-9wV2bQeR7uLmN4kPjH8sD1fG0aC6oI5yTxE";
    private const string Template = "/webhooks/runpod/{mediaId}/{attempt}/{token}";

    [Theory]
    [InlineData("/webhooks/runpod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/1/" + Token, Template)]
    [InlineData("/WEBHOOKS/RunPod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/1/" + Token, Template)]
    [InlineData("/webhooks//runpod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/1/" + Token + "/", Template)]
    [InlineData("/webhooks/runpod/not-a-guid/x/" + Token + "/extra", Template)]
    [InlineData("/webhooks/runpod/" + Token, Template)]
    [InlineData("/gateway/webhooks/runpod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/1/" + Token, "/gateway" + Template)]
    [InlineData("/webhooks/runpod", "/webhooks/runpod")]
    [InlineData("/webhooks/runpod/", "/webhooks/runpod/")]
    [InlineData("/webhooks/transcode", "/webhooks/transcode")]
    [InlineData("/media/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b", "/media/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b")]
    [InlineData("/runpod/webhooks/a", "/runpod/webhooks/a")]
    [InlineData("/webhooks%2Frunpod/m/1/" + Token, Template)]
    [InlineData("/webhooks/runpod%2Fm/1/" + Token, Template)]
    [InlineData("/webhooks%252Frunpod/m/1/" + Token, Template)]
    [InlineData("/webhooks/runpod;x/m/1/" + Token, Template)]
    [InlineData("/webhooks\\runpod\\m\\1\\" + Token, Template)]
    [InlineData("/webhooks/./runpod/m/1/" + Token, Template)]
    [InlineData("/webhooks/../webhooks/runpod/m/1/" + Token, "/webhooks/.." + Template)]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_path_below_a_credential_route_is_replaced_by_its_template(string? path, string expected) =>
        Assert.Equal(expected, UrlRedaction.Path(path));

    [Theory]
    [InlineData("https://gw.example.com/webhooks/runpod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/2/" + Token, "https://gw.example.com" + Template)]
    [InlineData("http://127.0.0.1:5080/webhooks/runpod/5b0e6f57-2a47-4c50-9d0c-0c1f0f1c2a3b/2/" + Token + "?x=1#frag", "http://127.0.0.1:5080" + Template + "?x=*")]
    [InlineData("https://user:secret@gw.example.com/webhooks/transcode", "https://gw.example.com/webhooks/transcode")]
    [InlineData("https://acct.r2.cloudflarestorage.com/media/k.mp4?X-Amz-Credential=AKIDEXAMPLE%2F20261130&X-Amz-Signature=abcdef&X-Amz-Expires=900",
        "https://acct.r2.cloudflarestorage.com/media/k.mp4?X-Amz-Credential=*&X-Amz-Signature=*&X-Amz-Expires=*")]
    [InlineData("https://api.runpod.ai/v2/abc123/run", "https://api.runpod.ai/v2/abc123/run")]
    [InlineData("/webhooks/runpod/m/1/" + Token + "?a=b&flag", Template + "?a=*&*")]
    [InlineData("http://h/x?" + Token, "http://h/x?*")]
    [InlineData("webhooks/runpod/m/1/" + Token, Template)]
    [InlineData("/webhooks/run%70od/m/1/" + Token, Template)]
    public void A_url_keeps_its_server_and_loses_credentials_in_path_user_info_and_query(string url, string expected)
    {
        Assert.Equal(expected, UrlRedaction.Url(url));
        Assert.Equal(expected, UrlRedaction.Url(new Uri(url, UriKind.RelativeOrAbsolute)));
    }

    [Theory]
    [InlineData("?token=abc&b=", "?token=*&b=*")]
    [InlineData("a=1", "a=*")]
    [InlineData("?flag", "?*")]
    [InlineData("", "")]
    public void Every_query_value_becomes_a_star(string query, string expected) => Assert.Equal(expected, UrlRedaction.Query(query));
}
