//! A busy indicator that moves at a given pace (ten times a second; once a second when the
//! window is drawn on the CPU: see `AppState::progress_interval`).
//!
//! egui's spinner asks for a new frame at every frame. Under a software renderer (a virtual
//! machine, a remote desktop, Xvfb) each frame of the window costs tens of milliseconds on
//! every core, so a spinner shown during a load took most of the CPU the load needed: 100,000
//! articles loaded in 48 s in the window against 9 s on the command line.

use std::time::Duration;

/// Dots around the circle; the lit one moves on by one each step.
const DOTS: usize = 8;

/// A ring of dots, one lit, the lit dot moving on every `step`.
pub fn busy_indicator(ui: &mut egui::Ui, step: Duration) -> egui::Response {
    let size = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::Role::ProgressIndicator));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    ui.ctx().request_repaint_after(step);
    let steps_so_far = (ui.input(|i| i.time) / step.as_secs_f64().max(0.01)) as usize;
    let lit = steps_so_far % DOTS;
    let color = ui.visuals().strong_text_color();
    let ring = rect.height() * 0.5 - 3.0;
    let dot = (rect.height() * 0.09).max(1.5);
    for k in 0..DOTS {
        // Dots behind the lit one fade out, like a trail.
        let behind = (lit + DOTS - k) % DOTS;
        let alpha = 1.0 - behind as f32 / DOTS as f32;
        let angle = k as f32 / DOTS as f32 * std::f32::consts::TAU;
        let centre = rect.center() + ring * egui::vec2(angle.cos(), angle.sin());
        ui.painter()
            .circle_filled(centre, dot, color.gamma_multiply(alpha.max(0.15)));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks_for_the_next_frame(add: impl Fn(&mut egui::Ui) + 'static) -> bool {
        let mut harness = egui_kittest::Harness::new_ui(move |ui| add(ui));
        harness.step();
        harness.step();
        harness.ctx.requested_repaint_last_pass()
    }

    #[test]
    fn asks_for_a_frame_at_its_pace_not_at_every_frame() {
        // egui's spinner asks for every frame (the check tells them apart).
        assert!(asks_for_the_next_frame(|ui| {
            ui.spinner();
        }));
        assert!(!asks_for_the_next_frame(|ui| {
            busy_indicator(ui, Duration::from_secs(1));
        }));
    }

    #[test]
    fn is_announced_as_a_progress_indicator() {
        let harness = egui_kittest::Harness::new_ui(|ui| {
            busy_indicator(ui, Duration::from_millis(100));
        });
        use egui_kittest::kittest::Queryable as _;
        assert!(
            harness
                .query_by_role(egui::accesskit::Role::ProgressIndicator)
                .is_some()
        );
    }
}
