using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SingleUseFormStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UsedFormStamps",
                columns: table => new
                {
                    StampHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedFormStamps", x => x.StampHash);
                    table.ForeignKey(
                        name: "FK_UsedFormStamps_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsedFormStamps_CommentId",
                table: "UsedFormStamps",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_UsedFormStamps_UsedAt",
                table: "UsedFormStamps",
                column: "UsedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedFormStamps");
        }
    }
}
