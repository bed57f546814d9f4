using System.Net;
using System.Net.Sockets;

namespace ReputationEngine.Testing;

/// <summary>
/// Loopback ports for servers that tests start (often in other processes, which bind later). Taken below the
/// kernel's ephemeral range (32768–60999 on Linux): asking the kernel for port 0 returns an ephemeral port, which any
/// outgoing connection on the machine may take before the server binds it ("address already in use"). Each test
/// process starts at its own offset, so parallel test processes rarely meet; a port is checked free before use.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Environment.ProcessId * 97 % Count;

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}–{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
