using System.Security.Cryptography;
using System.Text;

namespace Transcoding.Faults;

/// <summary>
/// A group id that stays the same across runs and machines (as ServicePulse's failure groups do): the first 8 hex
/// digits of SHA-256 over exception type and message type.
/// </summary>
public static class FaultGroupId
{
    public static string For(string exceptionType, string messageType)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(exceptionType + "\n" + messageType));
        return Convert.ToHexStringLower(hash)[..8];
    }
}
