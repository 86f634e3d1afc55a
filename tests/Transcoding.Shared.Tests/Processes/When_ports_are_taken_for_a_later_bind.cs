using System.Net;
using System.Net.Sockets;
using Transcoding.Testing;

namespace Transcoding.Shared.Tests.Processes;

/// <summary><see cref="LoopbackPorts"/>: ports a server binds later are ones the kernel never hands out on its own.</summary>
public sealed class When_ports_are_taken_for_a_later_bind
{
    [Fact]
    public void They_differ_lie_outside_the_ephemeral_range_and_are_free()
    {
        var ports = LoopbackPorts.Take(6);

        Assert.Equal(6, ports.Distinct().Count());
        var ephemeral = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ', '\n').Where(b => b.Length > 0).Select(int.Parse).ToArray();
        Assert.All(ports, port => Assert.True(port >= 10000 && (port < ephemeral[0] || port > ephemeral[1]), $"{port} is in {ephemeral[0]}-{ephemeral[1]}"));
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Theory]
    [InlineData(32768, 60999, 10000, 32767)] // Linux's default
    [InlineData(1024, 65000, 65001, 65535)]
    [InlineData(10000, 20000, 20001, 65535)]
    [InlineData(40000, 45000, 10000, 39999)]
    [InlineData(1024, 65535, 10000, 65535)] // nothing outside: anywhere
    [InlineData(10000, 65500, 10000, 65535)] // 35 ports above: too few
    public void The_band_is_the_wider_side_outside_the_ephemeral_range(int start, int end, int lowest, int highest)
    {
        Assert.Equal((lowest, highest), LoopbackPorts.BandOutside(start, end));
    }

    [Fact]
    public void A_port_being_listened_on_is_never_taken()
    {
        // 200 ports of the band held, then many takes: none may land on a held one.
        var (lowest, _) = LoopbackPorts.Band();
        var held = Enumerable.Range(0, 200).Select(i => TryListen(lowest + i)).OfType<TcpListener>().ToList();
        try
        {
            var heldPorts = held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToHashSet();
            for (var i = 0; i < 50; i++)
            {
                Assert.DoesNotContain(LoopbackPorts.Take(20), heldPorts.Contains);
            }
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }
    }

    private static TcpListener? TryListen(int port)
    {
        // Held on [::1] only when the machine has IPv6: a probe of 127.0.0.1 alone would not see it.
        var listener = new TcpListener(Socket.OSSupportsIPv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }
}
