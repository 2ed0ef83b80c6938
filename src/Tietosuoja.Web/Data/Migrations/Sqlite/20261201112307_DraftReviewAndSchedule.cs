using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftReviewAndSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "ChapterDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishAt",
                table: "ChapterDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ChapterDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "ChapterDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ScheduleFailed",
                table: "ChapterDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                // Drafts saved before review existed are being written.
                defaultValue: "Editing");

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "ChapterDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedByName",
                table: "ChapterDrafts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChapterDrafts_State_PublishAt",
                table: "ChapterDrafts",
                columns: new[] { "State", "PublishAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChapterDrafts_State_PublishAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ScheduleFailed",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "State",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedByName",
                table: "ChapterDrafts");
        }
    }
}
