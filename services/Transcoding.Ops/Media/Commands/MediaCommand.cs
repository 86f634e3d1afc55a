using Microsoft.Extensions.Options;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media.Commands;

/// <summary>What the <c>media</c> commands share: the status API's address and a checked media id.</summary>
public abstract class MediaCommand<TSettings>(OpsOutput output, IOptions<OpsOptions> options) : OpsCommand<TSettings>(output)
    where TSettings : MediaSettings
{
    protected Uri Api(TSettings settings)
    {
        var api = settings.Api ?? options.Value.ApiUrl;
        if (!Uri.TryCreate(api, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new OpsException(ExitCodes.Usage, "the status API URL must look like http://host:port");
        }

        // A base address without a trailing slash would lose its last path segment when combined.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    protected static string MediaId(TSettings settings) => Guid.TryParse(settings.Id, out var id)
        ? id.ToString()
        : throw new OpsException(ExitCodes.Usage, $"'{settings.Id}' is not a media id (a GUID)");

    protected override IEnumerable<string> Secrets(TSettings settings) =>
        [.. SecretMasker.PasswordsIn(settings.Api ?? options.Value.ApiUrl), options.Value.ApiKey ?? "", options.Value.Token ?? ""];
}
