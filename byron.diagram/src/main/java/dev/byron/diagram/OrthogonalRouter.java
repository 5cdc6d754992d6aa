package dev.byron.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;

/**
 * Routes one edge between boxes that stay where they are: the shortest line of horizontal and vertical segments
 * from one point to another that crosses no box, with a cost for each bend, found on the grid made of the lines
 * that run beside the boxes and through the middle of the gaps between them.
 */
final class OrthogonalRouter {
	private static final double CLEARANCE = 12;
	private static final double BEND = 60;
	/** What a unit of running along a line already drawn costs beyond its length: two flows drawn as one read as one. */
	private static final double ALONG = 2;
	/** How near a line already drawn a step counts as running along it. */
	private static final double NEAR = 3;

	private final List<Box> obstacles;
	/** The segments of the lines drawn so far, each as its two ends. */
	private final List<Point[]> drawn = new ArrayList<>();

	OrthogonalRouter(Collection<Box> boxes) {
		this.obstacles = boxes.stream().map(b -> new Box(b.x() - CLEARANCE / 2, b.y() - CLEARANCE / 2, b.width() + CLEARANCE,
				b.height() + CLEARANCE)).toList();
	}

	/** A line drawn: the routes found after it keep off it where they can. */
	void drawn(List<Point> points) {
		for (int i = 1; i < points.size(); i++) {
			drawn.add(new Point[] { points.get(i - 1), points.get(i) });
		}
	}

	/**
	 * The points of a route from {@code from} (on a box's border, leaving it along {@code out}, a unit vector) to
	 * {@code to} (entering along {@code in}), or an empty list when no route crosses no box.
	 */
	List<Point> route(Point from, Point out, Point to, Point in) {
		Point a = new Point(from.x() + out.x() * CLEARANCE, from.y() + out.y() * CLEARANCE);
		Point b = new Point(to.x() - in.x() * CLEARANCE, to.y() - in.y() * CLEARANCE);
		double[] xs = coordinates(true, a.x(), b.x());
		double[] ys = coordinates(false, a.y(), b.y());
		int ax = Arrays.binarySearch(xs, a.x());
		int ay = Arrays.binarySearch(ys, a.y());
		int bx = Arrays.binarySearch(xs, b.x());
		int by = Arrays.binarySearch(ys, b.y());
		int width = xs.length;
		int cells = xs.length * ys.length;
		Grid grid = new Grid(xs, ys);
		// state: cell * 4 + the direction arrived in (0 right, 1 left, 2 down, 3 up); A*, the distance left as estimate
		double[] cost = new double[cells * 4];
		int[] previous = new int[cells * 4];
		Arrays.fill(cost, Double.MAX_VALUE);
		Arrays.fill(previous, -1);
		PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[0], q[0]));
		int startDirection = direction(out);
		int start = (ay * width + ax) * 4 + startDirection;
		cost[start] = 0;
		queue.add(new double[] { Math.abs(xs[ax] - xs[bx]) + Math.abs(ys[ay] - ys[by]), start });
		int[][] steps = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
		int goal = -1;
		while (!queue.isEmpty()) {
			double[] head = queue.poll();
			int state = (int) head[1];
			int cell = state / 4;
			int arrived = state % 4;
			int cx = cell % width;
			int cy = cell / width;
			if (head[0] > cost[state] + Math.abs(xs[cx] - xs[bx]) + Math.abs(ys[cy] - ys[by])) {
				continue;
			}
			if (cx == bx && cy == by) {
				if (arrived == direction(in)) {
					goal = state;
					break;
				}
			}
			for (int d = 0; d < 4; d++) {
				if (d == opposite(arrived)) {
					continue;
				}
				int nx = cx + steps[d][0];
				int ny = cy + steps[d][1];
				if (nx < 0 || ny < 0 || nx >= width || ny >= ys.length) {
					continue;
				}
				if (grid.blocked(cx, cy, nx, ny)) {
					continue;
				}
				int next = (ny * width + nx) * 4 + d;
				double length = Math.abs(xs[nx] - xs[cx]) + Math.abs(ys[ny] - ys[cy]);
				double step = length * (grid.along(cx, cy, nx, ny) ? 1 + ALONG : 1) + (d == arrived ? 0 : BEND);
				if (cost[state] + step < cost[next]) {
					cost[next] = cost[state] + step;
					previous[next] = state;
					queue.add(new double[] { cost[next] + Math.abs(xs[nx] - xs[bx]) + Math.abs(ys[ny] - ys[by]), next });
				}
			}
		}
		if (goal < 0) {
			return List.of();
		}
		List<Point> path = new ArrayList<>();
		for (int state = goal; state >= 0; state = previous[state]) {
			int cell = state / 4;
			path.add(0, new Point(xs[cell % width], ys[cell / width]));
		}
		path.add(0, from);
		path.add(to);
		return simplified(path);
	}

	private static int direction(Point unit) {
		return unit.x() > 0 ? 0 : unit.x() < 0 ? 1 : unit.y() > 0 ? 2 : 3;
	}

	private static int opposite(int direction) {
		return direction ^ 1;
	}

	/** The lines beside every box and through the middle of each gap between them, with the route's own ends. */
	private double[] coordinates(boolean horizontal, double... ends) {
		TreeSet<Double> sides = new TreeSet<>();
		for (Box box : obstacles) {
			sides.add(horizontal ? box.x() : box.y());
			sides.add(horizontal ? box.x() + box.width() : box.y() + box.height());
		}
		TreeSet<Double> lines = new TreeSet<>(sides);
		Double last = null;
		for (Double side : sides) {
			if (last != null) {
				lines.add((last + side) / 2);
			}
			last = side;
		}
		if (!sides.isEmpty()) {
			lines.add(sides.first() - CLEARANCE * 2);
			lines.add(sides.last() + CLEARANCE * 2);
		}
		for (double end : ends) {
			lines.add(end);
		}
		return lines.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * Which steps of the grid pass through the inside of a box. Every side of a box is a line of the grid, so a step
	 * between neighbouring lines is either wholly inside a box or wholly outside it: each box marks its own steps once.
	 */
	private final class Grid {
		private final int width;
		/** The step from (i, j) to (i + 1, j), at i + j * width. */
		private final boolean[] across;
		/** The step from (i, j) to (i, j + 1), at i + j * width. */
		private final boolean[] down;
		/** The steps that run along a line drawn before, indexed as {@link #across} and {@link #down}. */
		private final boolean[] alongAcross;
		private final boolean[] alongDown;

		Grid(double[] xs, double[] ys) {
			width = xs.length;
			across = new boolean[xs.length * ys.length];
			down = new boolean[xs.length * ys.length];
			alongAcross = new boolean[xs.length * ys.length];
			alongDown = new boolean[xs.length * ys.length];
			for (Point[] segment : drawn) {
				boolean horizontal = segment[0].y() == segment[1].y();
				double[] across = horizontal ? ys : xs;
				double at = horizontal ? segment[0].y() : segment[0].x();
				double[] along = horizontal ? xs : ys;
				double low = horizontal ? Math.min(segment[0].x(), segment[1].x()) : Math.min(segment[0].y(), segment[1].y());
				double high = horizontal ? Math.max(segment[0].x(), segment[1].x()) : Math.max(segment[0].y(), segment[1].y());
				// the lines of the grid this close to the segment would draw over it, or so near that the two read as one
				for (int line = lowerBound(across, at - NEAR); line < across.length && across[line] <= at + NEAR; line++) {
					for (int k = Math.max(0, lowerBound(along, low - 0.5)); k + 1 < along.length && along[k + 1] <= high + 0.5; k++) {
						if (horizontal) {
							alongAcross[k + line * width] = true;
						} else {
							alongDown[line + k * width] = true;
						}
					}
				}
			}
			for (Box box : obstacles) {
				int left = Arrays.binarySearch(xs, box.x());
				int right = Arrays.binarySearch(xs, box.x() + box.width());
				int top = Arrays.binarySearch(ys, box.y());
				int bottom = Arrays.binarySearch(ys, box.y() + box.height());
				for (int j = top + 1; j < bottom; j++) {
					for (int i = left; i < right; i++) {
						across[i + j * width] = true;
					}
				}
				for (int i = left + 1; i < right; i++) {
					for (int j = top; j < bottom; j++) {
						down[i + j * width] = true;
					}
				}
			}
		}

		boolean blocked(int x1, int y1, int x2, int y2) {
			if (y1 == y2) {
				return across[Math.min(x1, x2) + y1 * width];
			}
			return down[x1 + Math.min(y1, y2) * width];
		}

		boolean along(int x1, int y1, int x2, int y2) {
			if (y1 == y2) {
				return alongAcross[Math.min(x1, x2) + y1 * width];
			}
			return alongDown[x1 + Math.min(y1, y2) * width];
		}
	}

	/** The index of the first line at or after {@code at}. */
	private static int lowerBound(double[] lines, double at) {
		int k = Arrays.binarySearch(lines, at);
		return k >= 0 ? k : -k - 1;
	}

	private static List<Point> simplified(List<Point> path) {
		List<Point> points = new ArrayList<>();
		for (Point p : path) {
			if (!points.isEmpty() && points.get(points.size() - 1).equals(p)) {
				continue;
			}
			if (points.size() >= 2) {
				Point a = points.get(points.size() - 2);
				Point b = points.get(points.size() - 1);
				if (a.x() == b.x() && b.x() == p.x() || a.y() == b.y() && b.y() == p.y()) {
					points.set(points.size() - 1, p);
					continue;
				}
			}
			points.add(p);
		}
		return points;
	}
}
