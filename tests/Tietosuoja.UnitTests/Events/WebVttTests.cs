using Tietosuoja.Web.Events;

namespace Tietosuoja.UnitTests.Events;

public sealed class WebVttTests
{
    [Theory]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:04.000\nTervetuloa.\n")]
    [InlineData("\uFEFFWEBVTT - Webinaari\r\nKind: captions\r\n\r\n1\r\n00:00:01.000 --> 00:00:04.000 align:start line:90%\r\nTervetuloa.\r\n\r\n2\r\n00:00:04.000 --> 00:00:08.500\r\n<v Puhuja>Aloitetaan.</v>\r\n")]
    [InlineData("WEBVTT\n\nNOTE editorin huomautus\nkaksi riviä\n\nSTYLE\n::cue { color: yellow }\n\n01:02:03.000 --> 01:02:05.000\nTunnin jälkeen.\n\nNOTE loppuun")]
    public void A_valid_caption_file_passes(string vtt) => Assert.Null(WebVtt.Validate("CaptionsVtt", vtt));

    [Theory]
    [InlineData("00:01.000 --> 00:04.000\nHei", "Error_CaptionsSignature", null)]
    [InlineData("WEBVTTX\n\n00:01.000 --> 00:04.000\nHei", "Error_CaptionsSignature", null)]
    [InlineData("WEBVTT\n\n00:01,000 --> 00:04,000\nHei", "Error_CaptionsTiming", 3)]
    [InlineData("WEBVTT\n\ntunniste\n1.000 --> 4.000\nHei", "Error_CaptionsTiming", 4)]
    [InlineData("WEBVTT\n\n00:61.000 --> 00:64.000\nHei", "Error_CaptionsTiming", 3)]
    [InlineData("WEBVTT\n\n\u0660\u0660:\u0660\u0661.\u0660\u0660\u0660 --> 00:04.000\nHei", "Error_CaptionsTiming", 3)]
    [InlineData("WEBVTT\n\n00:04.000 --> 00:01.000\nHei", "Error_CaptionsEndsBeforeStart", 3)]
    [InlineData("WEBVTT\n\n00:05.000 --> 00:06.000\nHei\n\n00:01.000 --> 00:02.000\nTaas", "Error_CaptionsOrder", 6)]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", "Error_CaptionsEmptyCue", 3)]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n00:03.000 --> 00:04.000\nTaas", "Error_CaptionsBlankLine", 5)]
    [InlineData("WEBVTT\n00:01.000 --> 00:02.000\nHei", "Error_CaptionsBlankLine", 2)]
    [InlineData("WEBVTT\n\nNOTE vain huomautus\n", "Error_CaptionsNoCues", null)]
    [InlineData("WEBVTT\n\npelkkä tunniste", "Error_CaptionsTiming", 3)]
    public void A_broken_caption_file_is_refused_naming_the_line(string vtt, string key, int? line)
    {
        var problem = WebVtt.Validate("CaptionsVtt", vtt);

        Assert.NotNull(problem);
        Assert.Equal("CaptionsVtt", problem.Field);
        Assert.Equal(key, problem.MessageKey);
        Assert.Equal(line is null ? [] : [line.Value], problem.Arguments);
    }
}
