using System.Net;
using Heliodesk.Features.Channels.Webhooks;

namespace Heliodesk.Tests.Unit;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:4700::6810:84e5", true)]
    public void Deliveries_reach_only_public_addresses(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookNetwork.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void A_signature_matches_the_standard_webhooks_reference_and_rejects_a_changed_body()
    {
        // The example from the Standard Webhooks specification.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const string body = """{"test": 2432232314}""";
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(secret, id, 1614265330, body));
        Assert.True(WebhookSignature.Verify(secret, id, 1614265330, body, "v1,other v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.False(WebhookSignature.Verify(secret, id, 1614265330, body.Replace('2', '3'), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }
}
