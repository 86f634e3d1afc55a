using System.ComponentModel.DataAnnotations;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>What <c>ValidateDataAnnotations</c> checks at start-up.</summary>
public sealed class When_the_saga_settings_are_validated
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("0.00019", true)]
    [InlineData("0.69", false)]
    [InlineData("0", false)]
    [InlineData("-0.0002", false)]
    public void A_gpu_second_price_must_be_a_plausible_per_second_price(string? price, bool valid)
    {
        var settings = new TranscodeSagaSettings { GpuSecondPriceUsd = price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) };
        var results = new List<ValidationResult>();

        Assert.Equal(valid, Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true));
        Assert.All(results, r => Assert.Contains("GpuSecondPriceUsd", r.ErrorMessage));
    }
}
