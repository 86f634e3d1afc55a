using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Transcoding.Testing;

/// <summary>
/// Loopback TCP ports for a server that binds them later: another process, or the same service started again after a
/// kill. They come from outside the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768-60999
/// by default): the kernel hands ports from that range to every outgoing connection and port-0 listener, so a port
/// picked there and released can be taken by any of them before the server binds it (or while it restarts, for as long
/// as that takes); outside the range only an explicit bind takes a port.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10000;

    /// <summary>
    /// <paramref name="count"/> different ports from <see cref="Band"/>, in random order, each free on every address
    /// when returned (all are held until the set is complete).
    /// </summary>
    /// <exception cref="InvalidOperationException">No free port after many tries (the band is full).</exception>
    public static IReadOnlyList<int> Take(int count)
    {
        var (lowest, highest) = Band();
        var held = new List<TcpListener>();
        try
        {
            for (var tries = 0; held.Count < count; tries++)
            {
                if (tries == 1000)
                {
                    throw new InvalidOperationException($"No free loopback port in {lowest}-{highest} after {tries} tries.");
                }

                var listener = Probe(Random.Shared.Next(lowest, highest + 1));
                try
                {
                    listener.Start();
                    held.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose(); // taken
                }
            }

            return [.. held.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            held.ForEach(listener => listener.Dispose());
        }
    }

    /// <summary>
    /// A listener on every address, IPv4 and IPv6 (dual mode where the machine has IPv6): it only starts when nothing
    /// holds the port on any address, 127.0.0.1 and [::1] included (epmd, for one, binds both).
    /// </summary>
    private static TcpListener Probe(int port)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return new TcpListener(IPAddress.Any, port);
        }

        var listener = new TcpListener(IPAddress.IPv6Any, port);
        listener.Server.DualMode = true;
        return listener;
    }

    /// <summary>One port, as <see cref="Take"/>.</summary>
    public static int TakeOne() => Take(1)[0];

    /// <summary>Where <see cref="Take"/> picks on this machine: <see cref="BandOutside"/> its ephemeral range.</summary>
    public static (int Lowest, int Highest) Band()
    {
        var (start, end) = EphemeralRange();
        return BandOutside(start, end);
    }

    /// <summary>
    /// The wider of the two bands outside the ephemeral range <paramref name="start"/>-<paramref name="end"/>,
    /// [10000, start) and (end, 65535]; all of 10000-65535 when neither holds a hundred ports (the kernel could then
    /// take any of them).
    /// </summary>
    public static (int Lowest, int Highest) BandOutside(int start, int end)
    {
        (int Lowest, int Highest) below = (Lowest, start - 1), above = (Math.Max(Lowest, end + 1), IPEndPoint.MaxPort);
        var widest = below.Highest - below.Lowest >= above.Highest - above.Lowest ? below : above;
        return widest.Highest - widest.Lowest >= 100 ? widest : (Lowest, IPEndPoint.MaxPort);
    }

    /// <summary>The ports the kernel assigns on its own (32768-60999 when the setting cannot be read).</summary>
    private static (int Start, int End) EphemeralRange()
    {
        try
        {
            var bounds = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }
}
