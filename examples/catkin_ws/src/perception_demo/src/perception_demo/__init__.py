"""Perception demo: a tiny image classifier wrapped for ROS nodes."""
