//! Software rendering of egui's own output, for chart exports.
//!
//! An exported chart must be the chart on screen, so egui draws it: the chart UI runs in an
//! off-screen context and egui tessellates it into textured triangle meshes. This module fills
//! those triangles on the CPU with the arithmetic of egui's wgpu shader in its predictable
//! mode: colours stay in gamma space, alpha is premultiplied, textures are filtered by four
//! taps at texel centres, and clip rectangles are rounded to whole pixels the same way. A
//! test compares the result with the GPU's.
//!
//! It needs no graphics adapter, and where the only driver is a software one (Mesa's
//! llvmpipe, common on servers and in CI) it is many times faster. Rows are split into bands,
//! one per core; every band draws all primitives in order, so overlapping shapes blend
//! exactly as they would on a GPU.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, TextureId, Vertex};
use egui::{Color32, TextureFilter, TextureWrapMode};

/// egui's textures (the font atlas, mostly), kept up to date from each frame's delta.
#[derive(Default)]
pub struct CpuRenderer {
    textures: HashMap<TextureId, Texture>,
}

struct Texture {
    width: usize,
    height: usize,
    texels: Vec<Color32>,
    nearest: bool,
    wrap: TextureWrapMode,
}

impl Texture {
    /// The shader's `sample_texture` with predictable filtering, in 0–1 gamma space.
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let (w, h) = (self.width as f32, self.height as f32);
        if self.nearest {
            return self.texel((u * w).floor() as i64, (v * h).floor() as i64);
        }
        let x = u * w - 0.5;
        let y = v * h - 0.5;
        let (fx, fy) = (x - x.floor(), y - y.floor());
        let (x0, y0) = (x.floor() as i64, y.floor() as i64);
        let tl = self.texel(x0, y0);
        let tr = self.texel(x0 + 1, y0);
        let bl = self.texel(x0, y0 + 1);
        let br = self.texel(x0 + 1, y0 + 1);
        std::array::from_fn(|c| {
            let top = mix(tl[c], tr[c], fx);
            let bottom = mix(bl[c], br[c], fx);
            mix(top, bottom, fy)
        })
    }

    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let x = wrap(x, self.width, self.wrap);
        let y = wrap(y, self.height, self.wrap);
        unpack(self.texels[y * self.width + x])
    }
}

fn mix(a: f32, b: f32, t: f32) -> f32 {
    a * (1.0 - t) + b * t
}

fn wrap(coord: i64, size: usize, mode: TextureWrapMode) -> usize {
    let n = size as i64;
    let wrapped = match mode {
        TextureWrapMode::ClampToEdge => coord.clamp(0, n - 1),
        TextureWrapMode::Repeat => coord.rem_euclid(n),
        TextureWrapMode::MirroredRepeat => {
            let phase = coord.rem_euclid(2 * n);
            phase.min(2 * n - 1 - phase)
        }
    };
    wrapped as usize
}

fn unpack(c: Color32) -> [f32; 4] {
    c.to_array().map(|v| f32::from(v) / 255.0)
}

impl CpuRenderer {
    /// Applies a frame's texture changes: whole images, patches, and frees.
    pub fn apply(&mut self, delta: &mut egui::TexturesDelta) {
        #[expect(clippy::iter_over_hash_type)] // Textures are independent of each other.
        for (id, changes) in delta.set.drain() {
            for change in changes {
                let egui::ImageData::Color(image) = &change.image;
                let [w, h] = image.size;
                match change.pos {
                    // An empty texture cannot be sampled; meshes using it are skipped, as a
                    // GPU skips a texture it does not have.
                    None if w == 0 || h == 0 => {
                        self.textures.remove(&id);
                    }
                    None => {
                        self.textures.insert(
                            id,
                            Texture {
                                width: w,
                                height: h,
                                texels: image.pixels.clone(),
                                nearest: change.options.magnification == TextureFilter::Nearest,
                                wrap: change.options.wrap_mode,
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(texture) = self.textures.get_mut(&id) else {
                            continue;
                        };
                        for row in 0..h.min(texture.height.saturating_sub(y0)) {
                            let cols = w.min(texture.width.saturating_sub(x0));
                            let dst = (y0 + row) * texture.width + x0;
                            texture.texels[dst..dst + cols]
                                .copy_from_slice(&image.pixels[row * w..row * w + cols]);
                        }
                    }
                }
            }
        }
        #[expect(clippy::iter_over_hash_type)] // Order does not matter when freeing.
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    /// Draws `primitives` (positions in points) onto a transparent `width`×`height` image.
    pub fn draw(
        &self,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        width: u32,
        height: u32,
    ) -> image::RgbaImage {
        let (w, h) = (width as usize, height as usize);
        let mut pixels = vec![0u8; w * h * 4];
        if w > 0 && h > 0 {
            let bands = std::thread::available_parallelism()
                .map_or(1, std::num::NonZero::get)
                .clamp(1, 8);
            let band_rows = h.div_ceil(bands);
            std::thread::scope(|scope| {
                for (i, band) in pixels.chunks_mut(band_rows * w * 4).enumerate() {
                    let rows = band.len() / (w * 4);
                    let target = Target {
                        pixels: band,
                        width: w,
                        first_row: i * band_rows,
                        rows,
                    };
                    scope.spawn(move || self.draw_band(primitives, pixels_per_point, target));
                }
            });
        }
        image::RgbaImage::from_raw(width, height, pixels)
            .unwrap_or_else(|| image::RgbaImage::new(width, height))
    }

    fn draw_band(&self, primitives: &[ClippedPrimitive], ppp: f32, mut target: Target<'_>) {
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue; // Paint callbacks are GPU code; charts have none.
            };
            // The GPU skips meshes whose texture it does not have; so do we.
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let Some(clip) = target.clip(primitive.clip_rect, ppp) else {
                continue;
            };
            for tri in mesh.indices.chunks_exact(3) {
                let vertex = |i: u32| mesh.vertices.get(i as usize);
                if let (Some(a), Some(b), Some(c)) =
                    (vertex(tri[0]), vertex(tri[1]), vertex(tri[2]))
                {
                    target.triangle([a, b, c], ppp, clip, texture);
                }
            }
        }
    }
}

/// Lets an off-screen egui harness render through this renderer.
impl egui_kittest::TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        self.apply(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let primitives = ctx.tessellate(output.shapes.clone(), ppp);
        Ok(self.draw(
            &primitives,
            ppp,
            size.x.round() as u32,
            size.y.round() as u32,
        ))
    }
}

/// The rows of the image one thread draws.
struct Target<'a> {
    pixels: &'a mut [u8],
    width: usize,
    first_row: usize,
    rows: usize,
}

/// A clip rectangle in whole pixels, `x0..x1` × `y0..y1`, already limited to the band.
#[derive(Clone, Copy)]
struct Clip {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

/// One edge's half-plane, `a·x + b·y + c ≥ 0` inside. The edge from P to Q and the edge from
/// Q to P get exactly negated coefficients, so the two triangles sharing an edge split its
/// pixels between them without gaps or double blending.
#[derive(Clone, Copy)]
struct Edge {
    a: f32,
    b: f32,
    c: f32,
}

impl Edge {
    fn new(p: [f32; 2], q: [f32; 2]) -> Self {
        Self {
            a: p[1] - q[1],
            b: q[0] - p[0],
            c: p[0] * q[1] - q[0] * p[1],
        }
    }

    fn at(&self, x: f32, y: f32) -> f32 {
        self.a * x + self.b * y + self.c
    }
}

impl Target<'_> {
    /// egui-wgpu's scissor rectangle (rounded, clamped to the image), limited to this band.
    fn clip(&self, rect: egui::Rect, ppp: f32) -> Option<Clip> {
        let round = |v: f32| (v * ppp).round().max(0.0) as i64;
        let (w, h) = (self.width as i64, (self.first_row + self.rows) as i64);
        let x0 = round(rect.min.x).min(w);
        let x1 = round(rect.max.x).clamp(x0, w);
        let y0 = round(rect.min.y).max(self.first_row as i64).min(h);
        let y1 = round(rect.max.y).clamp(y0, h);
        (x0 < x1 && y0 < y1).then_some(Clip { x0, y0, x1, y1 })
    }

    fn triangle(&mut self, v: [&Vertex; 3], ppp: f32, clip: Clip, texture: &Texture) {
        let pos = v.map(|v| [snap(v.pos.x * ppp), snap(v.pos.y * ppp)]);
        let area = Edge::new(pos[0], pos[1]).at(pos[2][0], pos[2][1]);
        if !area.is_finite() || area == 0.0 {
            return;
        }
        // Counter-clockwise in these coordinates, so "inside" is the positive side of each edge.
        let (v, pos) = if area > 0.0 {
            (v, pos)
        } else {
            ([v[0], v[2], v[1]], [pos[0], pos[2], pos[1]])
        };
        let area = area.abs();
        // Edge i is opposite vertex i: its value at a pixel, over the area, is that vertex's weight.
        let edges = [
            Edge::new(pos[1], pos[2]),
            Edge::new(pos[2], pos[0]),
            Edge::new(pos[0], pos[1]),
        ];
        let shade = Shade::new(v, texture);

        let min_y = pos.iter().map(|p| p[1]).fold(f32::INFINITY, f32::min);
        let max_y = pos.iter().map(|p| p[1]).fold(f32::NEG_INFINITY, f32::max);
        let row_start = ((min_y - 0.5).ceil() as i64).max(clip.y0);
        let row_end = ((max_y - 0.5).floor() as i64 + 1).min(clip.y1);
        for y in row_start..row_end {
            let yc = y as f32 + 0.5;
            let Some((x_start, x_end)) = span(&edges, yc, clip) else {
                continue;
            };
            let row = (y as usize - self.first_row) * self.width;
            let pixels = &mut self.pixels[(row + x_start as usize) * 4..(row + x_end as usize) * 4];
            match &shade {
                Shade::Flat(src) => fill(pixels, *src),
                Shade::Smooth(vertices) => {
                    for (i, px) in pixels.chunks_exact_mut(4).enumerate() {
                        let xc = (x_start + i as i64) as f32 + 0.5;
                        let weights = edges.map(|e| e.at(xc, yc) / area);
                        blend(px, smooth(vertices, weights, texture));
                    }
                }
            }
        }
    }
}

/// Rasterizers snap vertices to a sub-pixel grid (Vulkan drivers use 1/256 pixel) before
/// deciding coverage; doing the same settles which pixel an edge through a centre belongs to.
fn snap(v: f32) -> f32 {
    (v * 256.0).round() / 256.0
}

/// The pixels `x_start..x_end` of row centre `yc` whose centres lie inside all three edges.
/// A centre exactly on an edge belongs to the triangle on the edge's side with `a > 0` (or
/// `b > 0` for horizontal edges), the other triangle there leaves it out.
fn span(edges: &[Edge; 3], yc: f32, clip: Clip) -> Option<(i64, i64)> {
    let mut lo = clip.x0 as f32;
    let mut hi = clip.x1 as f32;
    for e in edges {
        let k = e.b * yc + e.c;
        if e.a == 0.0 {
            if k < 0.0 || (k == 0.0 && e.b < 0.0) {
                return None;
            }
            continue;
        }
        // Inside: a·(x + ½) + k ≥ 0, i.e. x + ½ ≥ t when a > 0, and x + ½ < t when a < 0.
        let bound = (-k / e.a - 0.5).ceil();
        if e.a > 0.0 {
            lo = lo.max(bound);
        } else {
            hi = hi.min(bound);
        }
    }
    (lo < hi).then_some((lo as i64, hi as i64))
}

/// How a triangle's pixels get their colour.
enum Shade {
    /// One colour and one texture coordinate at all three corners (filled shapes).
    Flat([f32; 4]),
    /// Per-pixel interpolation: colour and texture coordinates per vertex.
    Smooth([([f32; 4], [f32; 2]); 3]),
}

impl Shade {
    fn new(v: [&Vertex; 3], texture: &Texture) -> Self {
        let same = |a: &Vertex, b: &Vertex| a.color == b.color && a.uv == b.uv;
        if same(v[0], v[1]) && same(v[0], v[2]) {
            let color = unpack(v[0].color);
            let tex = texture.sample(v[0].uv.x, v[0].uv.y);
            Self::Flat(std::array::from_fn(|c| color[c] * tex[c]))
        } else {
            Self::Smooth(v.map(|v| (unpack(v.color), [v.uv.x, v.uv.y])))
        }
    }
}

fn smooth(vertices: &[([f32; 4], [f32; 2]); 3], w: [f32; 3], texture: &Texture) -> [f32; 4] {
    let lerp = |f: &dyn Fn(usize) -> f32| w[0] * f(0) + w[1] * f(1) + w[2] * f(2);
    let u = lerp(&|i| vertices[i].1[0]);
    let v = lerp(&|i| vertices[i].1[1]);
    let tex = texture.sample(u, v);
    std::array::from_fn(|c| lerp(&|i| vertices[i].0[c]) * tex[c])
}

fn fill(pixels: &mut [u8], src: [f32; 4]) {
    if src[3] >= 1.0 {
        let opaque = [quantize(src[0]), quantize(src[1]), quantize(src[2]), 255];
        for px in pixels.chunks_exact_mut(4) {
            px.copy_from_slice(&opaque);
        }
    } else if src != [0.0; 4] {
        for px in pixels.chunks_exact_mut(4) {
            blend(px, src);
        }
    }
}

/// egui's blend state: colour `src + dst·(1 − src.a)`, alpha `src.a·(1 − dst.a) + dst.a`.
fn blend(px: &mut [u8], src: [f32; 4]) {
    let dst = [px[0], px[1], px[2], px[3]].map(|v| f32::from(v) / 255.0);
    let keep = 1.0 - src[3];
    for c in 0..3 {
        px[c] = quantize(src[c] + dst[c] * keep);
    }
    px[3] = quantize(src[3] * (1.0 - dst[3]) + dst[3]);
}

/// A unorm8 render target's conversion: clamp, scale, round to nearest.
fn quantize(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Pos2, Rect, pos2};

    /// A renderer whose default texture is `image`.
    fn renderer_with(image: egui::ColorImage) -> CpuRenderer {
        let mut r = CpuRenderer::default();
        let mut delta = egui::TexturesDelta::default();
        delta.set.insert(
            TextureId::default(),
            std::iter::once(egui::epaint::ImageDelta::full(
                image,
                egui::TextureOptions::LINEAR,
            ))
            .collect(),
        );
        r.apply(&mut delta);
        r
    }

    fn renderer_with_white_texture() -> CpuRenderer {
        renderer_with(egui::ColorImage::filled([4, 4], Color32::WHITE))
    }

    fn rect_mesh(rect: Rect, color: Color32) -> ClippedPrimitive {
        let mut mesh = egui::Mesh::default();
        mesh.add_colored_rect(rect, color);
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn px(img: &image::RgbaImage, x: u32, y: u32) -> [u8; 4] {
        img.get_pixel(x, y).0
    }

    #[test]
    fn opaque_rect_covers_exactly_its_pixels_once() {
        let r = renderer_with_white_texture();
        let red = Color32::from_rgb(200, 10, 20);
        let img = r.draw(
            &[rect_mesh(
                Rect::from_min_max(pos2(2.0, 3.0), pos2(7.0, 9.0)),
                red,
            )],
            1.0,
            10,
            12,
        );
        let inside = (0..12)
            .flat_map(|y| (0..10).map(move |x| (x, y)))
            .filter(|&(x, y)| px(&img, x, y) == [200, 10, 20, 255])
            .count();
        assert_eq!(inside, 5 * 6);
        assert_eq!(px(&img, 1, 3), [0, 0, 0, 0]);
        assert_eq!(px(&img, 7, 8), [0, 0, 0, 0]);
    }

    #[test]
    fn translucent_rect_blends_once_along_the_shared_diagonal() {
        // Two triangles share the diagonal: a double blend there would show as a darker line.
        let r = renderer_with_white_texture();
        let half = Color32::from_black_alpha(128);
        let img = r.draw(
            &[
                rect_mesh(
                    Rect::from_min_max(Pos2::ZERO, pos2(16.0, 16.0)),
                    Color32::WHITE,
                ),
                rect_mesh(Rect::from_min_max(Pos2::ZERO, pos2(16.0, 16.0)), half),
            ],
            1.0,
            16,
            16,
        );
        let first = px(&img, 0, 0);
        assert!((0..16).all(|y| (0..16).all(|x| px(&img, x, y) == first)));
        assert_eq!(first, [127, 127, 127, 255]);
    }

    #[test]
    fn scale_and_clip_rect_are_in_points() {
        let r = renderer_with_white_texture();
        let mut prim = rect_mesh(
            Rect::from_min_max(Pos2::ZERO, pos2(10.0, 10.0)),
            Color32::BLACK,
        );
        prim.clip_rect = Rect::from_min_max(Pos2::ZERO, pos2(2.0, 10.0));
        let img = r.draw(&[prim], 2.0, 20, 20);
        assert_eq!(px(&img, 3, 19), [0, 0, 0, 255]);
        assert_eq!(px(&img, 4, 0), [0, 0, 0, 0]);
    }

    #[test]
    fn textures_are_filtered_between_texel_centres() {
        let mut image = egui::ColorImage::filled([2, 1], Color32::BLACK);
        image.pixels[1] = Color32::WHITE;
        let r = renderer_with(image);
        let mut mesh = egui::Mesh::default();
        mesh.add_rect_with_uv(
            Rect::from_min_max(Pos2::ZERO, pos2(4.0, 1.0)),
            Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        let img = r.draw(
            &[ClippedPrimitive {
                clip_rect: Rect::EVERYTHING,
                primitive: Primitive::Mesh(mesh),
            }],
            1.0,
            4,
            1,
        );
        let greys: Vec<u8> = (0..4).map(|x| px(&img, x, 0)[0]).collect();
        // Pixel centres at u = 1/8, 3/8, 5/8, 7/8: clamped black, 1/4 and 3/4 of the way, white.
        assert_eq!(greys, vec![0, 64, 191, 255]);
    }

    #[test]
    fn an_empty_texture_draws_nothing() {
        let r = renderer_with(egui::ColorImage::filled([0, 0], Color32::WHITE));
        let prim = rect_mesh(Rect::from_min_max(Pos2::ZERO, pos2(4.0, 4.0)), Color32::RED);
        let img = r.draw(&[prim], 1.0, 4, 4);
        assert!(img.pixels().all(|p| p.0 == [0, 0, 0, 0]));
    }

    #[test]
    fn bands_match_a_single_band() {
        // Many thin triangles across band borders draw the same as one thread would.
        let r = renderer_with_white_texture();
        let mut prims = Vec::new();
        for i in 0..40 {
            let y = i as f32 * 0.77;
            prims.push(rect_mesh(
                Rect::from_min_max(pos2(0.3 * i as f32, y), pos2(30.0, y + 1.3)),
                Color32::from_rgba_unmultiplied(i * 6, 100, 200 - i * 4, 90 + i * 3),
            ));
        }
        let img = r.draw(&prims, 1.5, 50, 50);
        let mut single = vec![0u8; 50 * 50 * 4];
        r.draw_band(
            &prims,
            1.5,
            Target {
                pixels: &mut single,
                width: 50,
                first_row: 0,
                rows: 50,
            },
        );
        assert_eq!(img.as_raw(), &single);
    }
}
