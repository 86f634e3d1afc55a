using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Tests.Cli;

public sealed class When_secrets_could_be_printed
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "amqp://guest:***@127.0.0.1:5672/")]
    [InlineData("amqp://ops:p%40ss@broker:5672/vh", "amqp://ops:***@broker:5672/vh")]
    [InlineData("amqp://ops@broker/", "amqp://ops@broker/")]
    [InlineData("http://127.0.0.1:15672/", "http://127.0.0.1:15672/")]
    [InlineData("not a uri", "not a uri")]
    public void A_uri_keeps_its_user_but_not_its_password(string uri, string masked) =>
        Assert.Equal(masked, SecretMasker.MaskUri(uri));

    [Theory]
    [InlineData("connect to amqp://ops:hunter2@broker:5672/vh failed", "connect to amqp://ops:***@broker:5672/vh failed")]
    [InlineData("a http://u:p@h/ and amqps://v:q@i/", "a http://u:***@h/ and amqps://v:***@i/")]
    [InlineData("no uri here: a:b@c", "no uri here: a:b@c")]
    public void Uris_inside_a_message_are_masked(string text, string masked) =>
        Assert.Equal(masked, SecretMasker.MaskUris(text));

    [Theory]
    [InlineData("login refused for hunter2", new[] { "hunter2" }, "login refused for ***")]
    [InlineData("escaped p%40ss too", new[] { "p@ss" }, "escaped *** too")]
    [InlineData("nothing to hide", new[] { "" }, "nothing to hide")]
    public void Known_secrets_are_scrubbed_raw_and_escaped(string text, string[] secrets, string scrubbed) =>
        Assert.Equal(scrubbed, SecretMasker.Scrub(text, secrets));

    [Theory]
    [InlineData("amqp://ops:p%40ss@broker/", new[] { "p%40ss", "p@ss" })]
    [InlineData("http://u:pw@h/", new[] { "pw", "pw" })]
    [InlineData("http://u@h/", new string[0])]
    [InlineData(null, new string[0])]
    public void The_passwords_of_the_connection_uris_are_known(string? uri, string[] passwords) =>
        Assert.Equal(passwords, SecretMasker.PasswordsIn(uri));
}
