// Uploaded images: the answer for one, the list of a product's, and the optional purpose of an upload.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMAGE_PURPOSES, type ImagePurpose } from '@app/database';
import { IsIn, IsOptional } from 'class-validator';

export class ImageUrlsDto {
  @ApiProperty({ description: '320 px wide (WebP).', example: '/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/thumb' }) thumb!: string;
  @ApiProperty({ description: '1080 px wide (WebP); the size design and sample rounds name.', example: '/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display' }) display!: string;
  @ApiProperty({ description: 'At most 2048 px on its longer side (WebP).', example: '/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/full' }) full!: string;
}

export class ImageDto {
  @ApiProperty({ format: 'uuid', example: '3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10' }) id!: string;
  @ApiProperty({ example: 'p-7k2m9q4x8v3d' }) productId!: string;
  @ApiProperty({ enum: IMAGE_PURPOSES, nullable: true, type: String, description: 'What staff said it is for; null when they did not say.' }) purpose!: ImagePurpose | null;
  @ApiProperty({ description: 'The upright picture as uploaded, in pixels.', example: 3024 }) width!: number;
  @ApiProperty({ example: 4032 }) height!: number;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], description: "The upload's type, as its bytes are (sniffed, not taken from the header)." }) contentType!: string;
  @ApiProperty({ description: "The upload's size in bytes.", example: 2_481_337 }) bytes!: number;
  @ApiProperty({ type: ImageUrlsDto, description: 'Site-relative paths of its sizes, public (GET /images/{id}/{size}).' }) urls!: ImageUrlsDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ImageListDto {
  @ApiProperty({ type: [ImageDto], description: 'Newest first.' }) images!: ImageDto[];
}

export class ImagePurposeQueryDto {
  @ApiPropertyOptional({ enum: IMAGE_PURPOSES, description: 'A design round or a sample round.' })
  @IsOptional()
  @IsIn(IMAGE_PURPOSES, { message: `purpose must be one of ${IMAGE_PURPOSES.join(', ')}` })
  purpose?: ImagePurpose;
}
