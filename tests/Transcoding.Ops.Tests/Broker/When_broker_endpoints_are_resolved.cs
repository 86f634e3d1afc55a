using Transcoding.Faults.Broker;

namespace Transcoding.Ops.Tests.Broker;

public sealed class When_broker_endpoints_are_resolved
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/production", "production")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/%2F", "/")]
    [InlineData("amqps://guest:guest@broker/team%2Fa", "team/a")]
    public void The_virtual_host_is_the_uri_path(string amqp, string virtualHost) =>
        Assert.Equal(virtualHost, BrokerEndpoints.Resolve(amqp, "http://127.0.0.1:15672").VirtualHost);

    [Theory]
    [InlineData("amqp://ops:p%40ss@broker/", "http://broker:15672", "ops", "p@ss")]
    [InlineData("amqp://ops:amqp-pw@broker/", "http://admin:mgmt-pw@broker:15672", "admin", "mgmt-pw")]
    [InlineData("amqp://broker/", "http://broker:15672", "guest", "guest")]
    public void The_management_api_uses_its_own_credentials_else_the_amqp_ones(string amqp, string management, string user, string password)
    {
        var endpoints = BrokerEndpoints.Resolve(amqp, management);

        Assert.Equal((user, password), (endpoints.User, endpoints.Password));
        Assert.Equal("", endpoints.Management.UserInfo);
    }

    [Theory]
    [InlineData("http://broker:5672/", "http://broker:15672")]
    [InlineData("amqp://broker/a/b", "http://broker:15672")]
    [InlineData("amqp://broker/", "ftp://broker")]
    [InlineData("broker:5672", "http://broker:15672")]
    public void Anything_else_is_an_invalid_address(string amqp, string management)
    {
        var error = Assert.Throws<BrokerException>(() => BrokerEndpoints.Resolve(amqp, management));

        Assert.Equal(BrokerFailure.InvalidAddress, error.Failure);
    }
}
