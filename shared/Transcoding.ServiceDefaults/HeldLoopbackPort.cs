using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// A web host that serves on 127.0.0.1 at a port the system picks before anything is configured, so settings can name
/// its own address (the all-in-one's callback and RunPod URLs). The socket is bound and listening from the moment the
/// port is known and Kestrel takes it as it is (<c>ListenHandle</c>): a port chosen, released and bound later can be
/// taken in between by any process's outgoing connection or port-0 listener, and the host then fails to start.
/// </summary>
public static class HeldLoopbackPort
{
    /// <summary>Binds the socket now and has Kestrel serve on it (HTTP/1.1 and HTTP/2, no TLS).</summary>
    /// <returns>The port, 1-65535; the host's address is <c>http://127.0.0.1:{port}</c>.</returns>
    /// <exception cref="SocketException">No loopback port could be bound.</exception>
    public static int ListenOnHeldLoopbackPort(this WebApplicationBuilder builder)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var descriptor = (ulong)socket.SafeHandle.DangerousGetHandle();
        // Kestrel owns the descriptor from here and closes it when it stops; this object must never close it too.
        socket.SafeHandle.SetHandleAsInvalid();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenHandle(descriptor));
        return port;
    }
}
