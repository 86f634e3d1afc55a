using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Transcoding.ServiceDefaults;

namespace Transcoding.Shared.Tests.ServiceDefaults;

/// <summary><see cref="HeldLoopbackPort"/>: the port is the host's from the moment it is known, and the host serves on it.</summary>
public sealed class When_a_service_listens_on_a_held_loopback_port
{
    [Fact]
    public async Task No_other_socket_can_take_the_port_before_the_host_starts_and_the_host_then_serves_on_it()
    {
        var builder = WebApplication.CreateBuilder();
        var port = builder.ListenOnHeldLoopbackPort();
        await using var app = builder.Build();
        app.MapGet("/", () => "served");

        using var rival = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = Assert.Throws<SocketException>(() => rival.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);

        await app.StartAsync();
        using var http = new HttpClient();
        Assert.Equal("served", await http.GetStringAsync($"http://127.0.0.1:{port}/"));
        await app.StopAsync();
    }
}
