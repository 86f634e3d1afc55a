using Microsoft.Extensions.Options;
using Npgsql;

namespace Transcoding.Messaging.Postgres;

/// <summary>A PostgreSQL connection string checked where it is read, before anything connects.</summary>
public static class PostgresConnectionString
{
    /// <summary>
    /// <paramref name="connectionString"/> when Npgsql can read it; else a refused setting naming
    /// <paramref name="setting"/>. Npgsql's own message is not passed on: it quotes the part it could not read, which for a
    /// password holding an unquoted <c>;</c> is the rest of the password.
    /// </summary>
    /// <exception cref="OptionsValidationException">Npgsql cannot read it (unknown keyword, unterminated quote, bad value).</exception>
    public static string Checked(string connectionString, string setting)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new OptionsValidationException(setting, typeof(string),
                [$"{setting} is not a connection string Npgsql can read (Keyword=value pairs separated by ';'; quote a value that holds ';' or a quote)."]);
        }
    }
}
